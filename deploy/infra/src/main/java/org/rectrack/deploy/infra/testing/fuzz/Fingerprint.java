package org.rectrack.deploy.infra.testing.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cheap summary of everything a service has stored, taken before and after a request the service refused:
 * if the two differ, the refused request left a write behind. It must not count what background work changes
 * on its own (an outbox the relay empties, tables the Kafka consumers fill).
 */
@FunctionalInterface
public interface Fingerprint {

    /** No fingerprint: nothing is compared. */
    Fingerprint NONE = Map::of;

    /** The summary now, as named values (e.g. a table's row count); equal maps mean nothing was written. */
    Map<String, Object> take();

    /** All of these together, each one's names kept apart by its position. */
    static Fingerprint of(List<Fingerprint> parts) {
        return () -> {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                int part = i;
                parts.get(i).take().forEach((name, value) -> all.put(part + ":" + name, value));
            }
            return all;
        };
    }
}
