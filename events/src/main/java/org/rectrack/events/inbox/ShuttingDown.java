package org.rectrack.events.inbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether the service has begun to stop: a consumer (or worker) asks it before applying anything, and once it has
 * begun applies nothing more, nor tries again. What is left is neither applied nor moved past, and loses nothing: the
 * channels of such consumers stop without SmallRye's graceful wait ({@code graceful-shutdown=false}, which would hold
 * the stop some 2 s for records in flight), and whoever consumes the partition next reads it again from the progress
 * stored with the consumer's state ({@link SeekToStoredPositions}); a worker's undone work waits in its table.
 * Applying on would only meet the datasource closing under it, and hold the stop back.
 */
@ApplicationScoped
public class ShuttingDown {

    private volatile boolean begun;

    /** Early among the shutdown's observers ({@code @Priority(1)}): before the datasource and the connectors close. */
    void begin(@Observes @Priority(1) ShutdownEvent shutdown) {
        begun = true;
    }

    /** @return true once the service has begun to stop (Quarkus fired its {@link ShutdownEvent}); never false again */
    public boolean begun() {
        return begun;
    }
}
