import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A tiny curl for the local scripts on machines without one, run as a single-file program:
 * {@code java Http.java GET URL} or {@code java Http.java POST URL FILE CONTENT-TYPE}. Sends the bearer token in
 * {@code RECTRACK_TOKEN} if set (an environment variable, so it shows in no process list), and prints the answer's
 * body, a newline and its status, as {@code curl -w '\n%{http_code}'} does. Exits 1 if there is no answer at all.
 */
public final class Http {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (!(args.length == 2 && args[0].equals("GET")) && !(args.length == 4 && args[0].equals("POST"))) {
            System.err.println("usage: java Http.java GET URL | java Http.java POST URL FILE CONTENT-TYPE");
            System.exit(2);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args[1])).timeout(Duration.ofMinutes(2));
        if (args[0].equals("POST")) {
            request.header("Content-Type", args[3]).POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[2])));
        }
        String token = System.getenv("RECTRACK_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            System.out.print(response.body());
            System.out.println();
            System.out.println(response.statusCode());
        } catch (IOException e) {
            System.err.println(args[0] + " " + args[1] + ": no answer (" + e + ")");
            System.exit(1);
        }
    }
}
