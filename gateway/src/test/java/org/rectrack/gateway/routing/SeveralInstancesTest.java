package org.rectrack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestCallers.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/**
 * The gateway routes to every instance listed for a service ({@code rectrack.services.evidence.addresses}): two live
 * instances both get calls, and one that is down (the first listed, nothing listens on port 1) costs at most a few
 * answers before the balancer leaves it aside. The live instances refuse every submission with the same 422 problem,
 * which the gateway relays as it is.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(SeveralInstancesTest.TwoInstances.class)
class SeveralInstancesTest {

    private static final int CALLS = 30;

    @Test
    void callsAreSpreadOverTheLiveInstancesAndOneThatIsDownIsLeftAside() {
        int[] before = TwoInstances.received();
        List<Integer> answers = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            answers.add(as("ngo", "ngo-a").body("{}").post("/api/v1/evidence").then()
                    .contentType("application/problem+json").extract().statusCode());
        }

        assertThat(answers).containsOnly(422, 503);
        assertThat(answers.stream().filter(status -> status == 503).count()).as("answers lost to the instance that is down")
                .isLessThanOrEqualTo(2);
        assertThat(answers.subList(CALLS - 10, CALLS)).as("the last answers").containsOnly(422);
        int[] after = TwoInstances.received();
        assertThat(after[0] - before[0]).as("calls to the first live instance").isPositive();
        assertThat(after[1] - before[1]).as("calls to the second live instance").isPositive();
    }

    /** Two instances of the "evidence-service" that refuse every request with a 422 problem, counting what they get. */
    public static class TwoInstances implements QuarkusTestResourceLifecycleManager {

        private static final AtomicInteger[] RECEIVED = { new AtomicInteger(), new AtomicInteger() };
        private final List<HttpServer> servers = new ArrayList<>();

        static int[] received() {
            return new int[] { RECEIVED[0].get(), RECEIVED[1].get() };
        }

        @Override
        public Map<String, String> start() {
            StringBuilder addresses = new StringBuilder("127.0.0.1:1");
            for (AtomicInteger received : RECEIVED) {
                HttpServer server;
                try {
                    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                server.createContext("/", exchange -> {
                    received.incrementAndGet();
                    byte[] problem = """
                            {"type":"about:blank","title":"Unprocessable","status":422,"detail":"refused by this test"}"""
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(422, problem.length);
                    try (var out = exchange.getResponseBody()) {
                        out.write(problem);
                    }
                });
                server.start();
                servers.add(server);
                addresses.append(",127.0.0.1:").append(server.getAddress().getPort());
            }
            return Map.of("rectrack.services.evidence.addresses", addresses.toString());
        }

        @Override
        public void stop() {
            servers.forEach(server -> server.stop(0));
        }
    }
}
