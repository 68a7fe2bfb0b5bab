package org.rectrack.recommendations;

import java.util.UUID;

/**
 * A recommendation's link to the earlier one it continues was set, replaced or removed, by whatever path (an import,
 * an accepted proposal, an admin by hand). Fired as a synchronous CDI event inside the change's transaction, so that
 * what depends on the link (the stored lineage proposals) follows it in the same commit.
 *
 * @param recommendationId the linked recommendation
 * @param continuesFromId  the earlier recommendation it continues now; null when the link was removed
 * @param previousId       the one it continued before; null when it had no link
 * @param actor            who changed the link (token subject)
 */
public record LinkChanged(UUID recommendationId, UUID continuesFromId, UUID previousId, String actor) {
}
