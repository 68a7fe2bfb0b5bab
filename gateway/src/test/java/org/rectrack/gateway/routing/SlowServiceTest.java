package org.rectrack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.rectrack.gateway.TestCallers.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/** A service that accepts the request but answers too late: the gateway answers 503 when its timeout is up. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(SlowServiceTest.SlowService.class)
class SlowServiceTest {

    @Test
    void aServiceThatAnswersTooLateGives503WithinTheTimeout() {
        as("ngo", "ngo-a").get("/api/v1/evidence").then().statusCode(200); // warms up what the first call pays for
        long start = System.nanoTime();
        as("ngo", "ngo-a").body("{}").post("/api/v1/evidence").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("did not answer in time"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("A slow evidence-service was answered 503 after %d ms (timeout 1000 ms)%n", millis);
        assertThat(millis).isBetween(900L, 3_000L);
    }

    /** An HTTP server that holds every request for 20 seconds; the gateway's evidence timeout is set to 1 s. */
    public static class SlowService implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(20_000);
                    exchange.sendResponseHeaders(204, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return Map.of("rectrack.services.evidence.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "org.rectrack.gateway.routing.Downstream/evidence/Timeout/value", "1000");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
