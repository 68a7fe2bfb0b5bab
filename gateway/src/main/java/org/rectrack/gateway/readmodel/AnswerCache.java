package org.rectrack.gateway.readmodel;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers of the read side, kept once computed. An answer in a {@link TimeFrame} whose {@code knownAt} the read model
 * has reached ({@link KnownAtWatermark}) can never change: nothing recorded by then can still arrive, and what is
 * recorded later does not count in it. So an answer needs no invalidation, only room: the least used go first
 * (Caffeine's size bound). Questions that leave {@code knownAt} open are asked as known at the latest change, so they
 * hit the same entry until something new is recorded.
 *
 * <p>A rebuild empties it ({@link #clear()}): the rebuilt model gives the same answers, unless it was rebuilt because
 * the old one was wrong.
 */
@ApplicationScoped
public class AnswerCache {

    private final KnownAtWatermark watermark;
    private final Cache<Object, Object> answers = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    AnswerCache(KnownAtWatermark watermark) {
        this.watermark = watermark;
    }

    /**
     * The answer to a question, computed once per frame.
     *
     * @param question what is asked, with every argument but the frame (a record, so that it has value equality);
     *                 the viewer is one of its arguments when the answer depends on who asks
     * @param frame    the two times of the question
     * @param compute  computes the answer when it is not kept; answers in a frame the read model has not reached
     *                 are computed every time, never kept
     * @return the answer, the same object for every caller until it is evicted: callers must not change it
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Record question, TimeFrame frame, Supplier<T> compute) {
        if (watermark.reached().watermark().isBefore(frame.knownAt())) {
            return compute.get();
        }
        return (T) answers.get(new Key(question, frame), key -> compute.get());
    }

    /** Forgets every answer. */
    public void clear() {
        answers.invalidateAll();
    }

    private record Key(Record question, TimeFrame frame) {
    }
}
