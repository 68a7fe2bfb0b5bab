package org.rectrack.gateway.changes;

import java.time.Instant;

import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;

/**
 * Two instants in the system between which changes count, as a request names them ({@code from}, {@code to}): ISO
 * instants (or a date, meaning the end of that day in UTC, as {@code knownAt} takes it).
 *
 * @param from exclusive
 * @param to   inclusive, after {@code from}, reached by the read model
 */
public record ChangeRange(Instant from, Instant to) {

    /**
     * The range a request asks for: {@code to} by default the latest change the gateway holds (as a read that leaves
     * {@code knownAt} open), else waited for until the read model has reached it.
     *
     * @throws ProblemException 400 naming {@code from} when it is missing, unreadable or not before {@code to}; naming
     *                          {@code to} when it is unreadable or in the future
     * @throws jakarta.ws.rs.WebApplicationException 503 when the read model has not reached {@code to} in time
     */
    public static ChangeRange of(String from, String to, TimeFrames frames) {
        Instant start = QueryValues.optionalInstant("from", from)
                .orElseThrow(() -> ProblemException.badRequest("from", "is required: an instant such as"
                        + " 2024-01-01T00:00:00Z"));
        var asked = QueryValues.optionalInstant("to", to);
        if (asked.isPresent() && asked.get().isAfter(Instant.now())) {
            throw ProblemException.badRequest("to", "must not be in the future");
        }
        if (asked.isPresent() && !start.isBefore(asked.get())) {
            // Refused before waiting for the read model to reach it: asking again later would not make it valid.
            throw ProblemException.badRequest("from", "must be before to (" + asked.get() + ")");
        }
        Instant end = asked.isPresent() ? frames.reached(asked.get())
                : frames.resolve(null, null, TimeFrame.today()).knownAt();
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "must be before to (" + end + ")");
        }
        return new ChangeRange(start, end);
    }
}
