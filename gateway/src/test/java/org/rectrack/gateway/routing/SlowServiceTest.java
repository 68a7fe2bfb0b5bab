package org.rectrack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.rectrack.gateway.TestCallers.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/**
 * A service that accepts the request and never answers: the gateway cuts the call when its timeout is up and answers
 * 503. The service holds every request until the test ends, so an answer at all shows that the gateway cut the call.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(SlowServiceTest.SlowService.class)
class SlowServiceTest {

    @Test
    void aServiceThatDoesNotAnswerIsCutOffWithA503() {
        int before = SlowService.received();

        // The bound only keeps a broken gateway from hanging the build; the service alone would hold the call forever.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> as("ngo", "ngo-a").body("{}").post("/api/v1/evidence")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("did not answer in time")));

        // The service got the request: the 503 is the cut call, not a refused connection.
        assertThat(SlowService.received()).isEqualTo(before + 1);
    }

    /** An HTTP server that holds every request until it stops; the gateway's evidence timeout is set to 1 s. */
    public static class SlowService implements QuarkusTestResourceLifecycleManager {

        private final CountDownLatch stopping = new CountDownLatch(1);
        private final AtomicInteger received = new AtomicInteger();
        private HttpServer server;

        /** How many requests the service has received, as its {@code GET /received} says. */
        static int received() {
            String address = ConfigProvider.getConfig().getValue("rectrack.services.evidence.addresses", String.class);
            return Integer.parseInt(RestAssured.get("http://" + address + "/received").then().statusCode(200).extract().asString());
        }

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/received", exchange -> {
                byte[] count = Integer.toString(received.get()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, count.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(count);
                }
            });
            server.createContext("/", exchange -> {
                received.incrementAndGet();
                try {
                    stopping.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return Map.of("rectrack.services.evidence.addresses", "127.0.0.1:" + server.getAddress().getPort(),
                    "org.rectrack.gateway.routing.Downstream/evidence/Timeout/value", "1000");
        }

        @Override
        public void stop() {
            stopping.countDown();
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
