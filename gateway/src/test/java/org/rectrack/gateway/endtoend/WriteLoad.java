package org.rectrack.gateway.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.core.ConditionTimeoutException;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.gateway.endtoend.Http.Reply;

/**
 * A steady stream of evidence writes through the gateway, as users make them, from a few client threads: an NGO
 * submits (with an Idempotency-Key), a reviewer verifies (or, one time in five, rejects), the NGO retracts every
 * third verified piece. A write whose answer is lost (connection refused or cut, 503 while a service is down) is
 * retried as a careful client would: a submission with the same Idempotency-Key, a transition as it was.
 *
 * <p>It keeps the ledger a test checks the system against: every write answered 2xx, per piece of evidence in the
 * order answered, and every answer that is no outcome of the workflow (a 500, a 409 no retry explains…).
 */
final class WriteLoad {

    /** How long one write is retried for before the load gives up on it and reports it. */
    private static final Duration ONE_WRITE = Duration.ofMinutes(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final Http http;
    private final String gatewayApi;
    private final List<UUID> recommendations;
    private final String ngoToken;
    private final String reviewerToken;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    private final Map<UUID, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, UUID> submissions = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong lostAnswers = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong doneUnanswered = new AtomicLong();

    /** Writes evidence on {@code recommendations} through the gateway at {@code gatewayApi} (ends with /api/v1/). */
    WriteLoad(Http http, String gatewayApi, List<UUID> recommendations, String organisation) {
        this.http = http;
        this.gatewayApi = gatewayApi;
        this.recommendations = List.copyOf(recommendations);
        this.ngoToken = TestTokens.forRole("ngo", organisation);
        this.reviewerToken = TestTokens.forRole("reviewer", "chaos-board");
    }

    /** Starts {@code threads} clients, each writing one piece of evidence after another until {@link #stop()}. */
    void start(int threads) {
        running.set(true);
        for (int i = 0; i < threads; i++) {
            clients.add(Thread.ofPlatform().name("write-load-" + i).start(this::writeUntilStopped));
        }
    }

    /** Lets each client finish the piece of evidence it is writing, then waits for them all. */
    void stop() {
        running.set(false);
        for (Thread client : clients) {
            try {
                client.join(ONE_WRITE.multipliedBy(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (client.isAlive()) {
                unexpected.add(client.getName() + " did not finish its writes");
            }
        }
    }

    /** Writes answered 2xx so far. */
    long writes() {
        return writes.get();
    }

    /** Attempts that got no answer (connection refused or cut, or 503 from the gateway) and were retried. */
    long lostAnswers() {
        return lostAnswers.get();
    }

    /** Submissions answered as a replay of an earlier attempt with the same Idempotency-Key. */
    long replayed() {
        return replayed.get();
    }

    /** Transitions whose answer was lost but that had been made: the retry found the evidence moved on already. */
    long doneUnanswered() {
        return doneUnanswered.get();
    }

    /** Per piece of evidence, the states that writes answered 2xx put it in, in order. */
    Map<UUID, List<String>> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Idempotency-Key → the evidence its submission was answered with. */
    Map<String, UUID> submissions() {
        return Map.copyOf(submissions);
    }

    /** Answers that no fault explains, each described. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** The summary a submission with {@code key} carries: the key makes every piece of evidence findable. */
    static String summary(String key) {
        return "Chaos test submission " + key + ": the ministry trained 300 officials.";
    }

    /** The body of a submission on {@code recommendation}, findable by {@code key}. */
    static Map<String, Object> evidence(UUID recommendation, String key) {
        return Map.of("recommendations", List.of(Map.of("recommendationId", recommendation.toString(), "assessment", "ADVANCES")),
                "actionDate", "2023-03-01",
                "summary", summary(key),
                "language", "en",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/", "publishedOn", "2023-03-02"),
                "metrics", List.of(Map.of("kind", "OFFICIALS_TRAINED", "value", 300, "unit", "PERSONS")),
                "visibility", "PUBLIC");
    }

    private void writeUntilStopped() {
        try {
            for (int i = 0; running.get(); i++) {
                writeOne(i);
            }
        } catch (ConditionTimeoutException e) {
            unexpected.add(Thread.currentThread().getName() + ": a write got no answer within " + ONE_WRITE);
        }
    }

    private void writeOne(int i) {
        String key = UUID.randomUUID().toString();
        UUID recommendation = recommendations.get(i % recommendations.size());
        Outcome submitted = answered(() -> http.post(gatewayApi + "evidence", ngoToken, evidence(recommendation, key),
                Map.of("Idempotency-Key", key)));
        if (submitted.reply().status() != 201) {
            unexpected.add("submission " + key + " answered " + submitted.reply());
            return;
        }
        UUID id = UUID.fromString(submitted.reply().body().path("id").asText());
        if ("true".equals(submitted.reply().header("Idempotent-Replayed"))) {
            replayed.incrementAndGet();
        }
        submissions.put(key, id);
        acknowledge(id, "SUBMITTED");

        boolean reject = i % 5 == 4;
        String state = transition(id, reject ? "reject" : "verify", reject ? "REJECTED" : "VERIFIED",
                reject ? Map.of("reason", "The source does not say this") : Map.of("note", "Checked against the notice"));
        if ("VERIFIED".equals(state) && i % 3 == 0) {
            transition(id, "retract", "RETRACTED", Map.of("reason", "The figure was misreported"));
        }
    }

    /** Moves the evidence on; the state it is known to be in afterwards, or null when that is not known. */
    private String transition(UUID id, String action, String state, Map<String, String> body) {
        String token = "retract".equals(action) ? ngoToken : reviewerToken;
        Outcome outcome = answered(() -> http.post(gatewayApi + "evidence/" + id + "/" + action, token, body, Map.of()));
        if (outcome.reply().status() == 200 && state.equals(outcome.reply().body().path("state").asText())) {
            acknowledge(id, state);
            return state;
        }
        if (outcome.reply().status() == 409 && outcome.retried()) {
            // Only this client moves this evidence: a 409 on a retry means the lost attempt had made the change.
            doneUnanswered.incrementAndGet();
            return state;
        }
        unexpected.add(action + " of " + id + " answered " + outcome.reply() + (outcome.retried() ? " on a retry" : ""));
        return null;
    }

    private void acknowledge(UUID id, String state) {
        acknowledged.computeIfAbsent(id, ignored -> Collections.synchronizedList(new ArrayList<>())).add(state);
        writes.incrementAndGet();
    }

    /** An answer, and whether an earlier attempt lost its own. */
    private record Outcome(Reply reply, boolean retried) {
    }

    private interface Attempt {
        Reply send() throws IOException;
    }

    /** Sends until an answer comes that is not "unavailable" (a 503 or no answer at all), within {@link #ONE_WRITE}. */
    private Outcome answered(Attempt attempt) {
        AtomicBoolean retried = new AtomicBoolean();
        Reply reply = await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(RETRY_PAUSE).atMost(ONE_WRITE)
                .until(() -> {
                    try {
                        Reply answer = attempt.send();
                        if (answer.status() != 503) {
                            return answer;
                        }
                    } catch (IOException lost) {
                        // refused or cut: the service behind may or may not have made the change
                    }
                    lostAnswers.incrementAndGet();
                    retried.set(true);
                    return null;
                }, Objects::nonNull);
        return new Outcome(reply, retried.get());
    }
}
