package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;

/**
 * Turns a request's {@code asOf} and {@code knownAt} into a {@link TimeFrame} the read model has reached, so that no
 * answer depends on consumer lag in silence (DESIGN.md, "Two times").
 */
@ApplicationScoped
public class TimeFrames {

    /** Query parameter documentation, the same on every operation that takes them. */
    public static final String AS_OF = "a day in the world (2023-12-31; an instant means its day in UTC): evidence counts"
            + " when its action began on or before it, a report from its publication date. Default: today (UTC)";
    public static final String KNOWN_AT = "an instant in the system (2024-01-15T09:00:00Z): only what rectrack had"
            + " recorded and reviewed by then counts. Default: the latest change the gateway holds, stated in the"
            + " answer; a knownAt the gateway has not caught up with yet is waited for (about 2 s), then answered 503";

    private final KnownAtWatermark watermark;
    private final ReadModelConfig config;

    TimeFrames(KnownAtWatermark watermark, ReadModelConfig config) {
        this.watermark = watermark;
        this.config = config;
    }

    /**
     * The frame a read asks for. Without {@code knownAt}: the latest change the read model holds up to its watermark
     * (the same answer as now, as far as the read model has got, and one that can be asked for again).
     *
     * @throws ProblemException 400 naming the parameter when one cannot be read or {@code knownAt} is in the future
     * @throws WebApplicationException 503 with Retry-After when the read model has not reached {@code knownAt} in time,
     *                                 or, without {@code knownAt}, has reached nothing yet (see {@link #latestChange})
     */
    public TimeFrame resolve(String asOf, String knownAt, LocalDate defaultAsOf) {
        LocalDate day = QueryValues.optionalDay("asOf", asOf).orElse(defaultAsOf);
        var asked = QueryValues.optionalInstant("knownAt", knownAt);
        return new TimeFrame(day, asked.isPresent() ? reached(asked.get()) : latestChange());
    }

    /**
     * The latest change the read model holds up to its watermark, once it has reached anything: a gateway that has
     * not measured its watermark yet (it is starting) or has forgotten it (a rebuild is wiping and replaying the model)
     * has reached nothing, and an answer from the epoch would say that nothing exists. That is waited out as a
     * {@code knownAt} not reached yet is, then answered 503.
     */
    private Instant latestChange() {
        Instant anything = Instant.EPOCH.plusNanos(1);
        // One reading of watermark and latest change: a rebuild may reset them between two.
        KnownAtWatermark.Reached reached = watermark.reached();
        if (reached.watermark().isBefore(anything) && watermark.await(anything, config.knownAtWait())) {
            reached = watermark.reached();
        }
        if (reached.watermark().isBefore(anything)) {
            throw unavailable("the gateway's read model is starting, or being rebuilt from the topics, and holds"
                    + " nothing to answer from yet; ask again shortly");
        }
        return reached.latestChange();
    }

    /**
     * The frame of a report that must be reproducible to the instant it was asked at: without {@code knownAt}, now
     * (to the millisecond, as Kafka stamps records), once the read model has reached it.
     *
     * @throws ProblemException 400 as {@link #resolve}
     * @throws WebApplicationException 503 as {@link #resolve}
     */
    public TimeFrame resolveToNow(String asOf, String knownAt, LocalDate defaultAsOf) {
        LocalDate day = QueryValues.optionalDay("asOf", asOf).orElse(defaultAsOf);
        Instant instant = QueryValues.optionalInstant("knownAt", knownAt)
                .orElseGet(() -> Instant.ofEpochMilli(System.currentTimeMillis()));
        return new TimeFrame(day, reached(instant));
    }

    /** A frame of the instant given, waited for until the read model has reached it. */
    public Instant reached(Instant knownAt) {
        if (knownAt.isAfter(Instant.now())) {
            // What is not recorded yet could still change the answer: it would not be reproducible.
            throw ProblemException.badRequest("knownAt", "must not be in the future");
        }
        if (!watermark.await(knownAt, config.knownAtWait())) {
            throw behind(knownAt);
        }
        return knownAt;
    }

    private WebApplicationException behind(Instant knownAt) {
        return unavailable("the gateway has not yet applied everything rectrack recorded up to " + knownAt
                + " (it has up to " + watermark.reached().watermark() + "); ask again shortly");
    }

    private static WebApplicationException unavailable(String detail) {
        return new WebApplicationException(detail, Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build());
    }
}
