package org.rectrack.deploy.infra.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs the same client call from many threads released at one instant, as many users clicking at once do:
 * how tests show that a rule holds under concurrency, not only one request after another.
 * <pre>{@code
 * List<Response> answers = Concurrently.run(16, client -> post(...), Duration.ofSeconds(60));
 * }</pre>
 */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Calls {@code client} with the indexes 0 to {@code clients - 1}, each on its own thread, all started
     * together, and returns what each returned, in index order.
     *
     * @throws IllegalStateException when a call threw (its exception is the cause) or all of them did not
     *                               finish within {@code timeout}
     */
    public static <T> List<T> run(int clients, IntFunction<T> client, Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return client.apply(index);
                }));
            }
            start.countDown();
            Instant deadline = Instant.now().plus(timeout);
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                answers.add(future.get(left, TimeUnit.MILLISECONDS));
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the clients", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the clients did not all finish within " + timeout, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
