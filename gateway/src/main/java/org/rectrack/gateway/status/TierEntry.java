package org.rectrack.gateway.status;

import java.util.UUID;

import org.rectrack.events.recommendations.Tier;

/** The tier a report gave a country in one year. */
public record TierEntry(int year, Tier tier, UUID reportId, String publisher) {
}
