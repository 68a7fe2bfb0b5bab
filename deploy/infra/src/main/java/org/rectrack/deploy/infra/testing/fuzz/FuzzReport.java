package org.rectrack.deploy.infra.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run did: per operation the requests sent and the statuses seen, and every failure with the
 * request that caused it.
 */
public final class FuzzReport {

    private final long seed;
    private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private final Map<String, Integer> requests = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    FuzzReport(long seed) {
        this.seed = seed;
    }

    /**
     * One wrong answer.
     *
     * @param operation e.g. {@code POST /api/v1/evidence}
     * @param kind      what is wrong: a server error, not problem+json, hostile input accepted, a write left behind,
     *                  no answer
     * @param input     what was hostile about the request (the fuzz case's label)
     * @param request   the request as sent (method, URI, headers, the start of the body)
     * @param response  the answer (status, Content-Type, the start of the body) and, for a write, what changed
     */
    public record Failure(String operation, String kind, String input, String request, String response) {

        @Override
        public String toString() {
            return kind + " — " + operation + " — " + input + "\n    request:  " + request + "\n    response: " + response;
        }
    }

    void sent(String operation, int status) {
        requests.merge(operation, 1, Integer::sum);
        statuses.computeIfAbsent(operation, name -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    void planned(String operation) {
        requests.putIfAbsent(operation, 0);
        statuses.computeIfAbsent(operation, name -> new TreeMap<>());
    }

    void fail(Failure failure) {
        failures.add(failure);
    }

    /** The seed the run used; the same seed against the same service sends the same requests. */
    public long seed() {
        return seed;
    }

    /** Every failure, in the order the requests were sent. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Requests sent per operation ({@code METHOD path}), in the order the operations were fuzzed. */
    public Map<String, Integer> requests() {
        return Map.copyOf(requests);
    }

    /** One line per operation (method, path, requests sent, statuses seen), then the failures, counted by kind. */
    public String summary() {
        StringBuilder text = new StringBuilder("OpenAPI fuzz, seed " + seed + "\n");
        requests.forEach((operation, count) -> text.append(String.format("  %-60s %5d requests  statuses %s%n",
                operation, count, statuses.get(operation))));
        text.append(String.format("  %-60s %5d requests%n", "total", requests.values().stream().mapToInt(Integer::intValue).sum()));
        if (failures.isEmpty()) {
            text.append("  no failures\n");
        } else {
            Map<String, Integer> byKind = new TreeMap<>();
            failures.forEach(failure -> byKind.merge(failure.kind() + " — " + failure.operation(), 1, Integer::sum));
            text.append("  ").append(failures.size()).append(" failures:\n");
            byKind.forEach((kind, count) -> text.append(String.format("    %4d  %s%n", count, kind)));
        }
        return text.toString();
    }

    /** Every failure with its request and answer, for the assertion message. */
    public String failuresText() {
        StringBuilder text = new StringBuilder(failures.size() + " failures (seed " + seed + "):\n");
        failures.forEach(failure -> text.append(failure).append('\n'));
        return text.toString();
    }
}
