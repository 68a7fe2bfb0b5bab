package org.rectrack.gateway.reports.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole-report import job, for the OpenAPI document only: the gateway relays the recommendations-service's answer
 * (see that service's document for the shape of each country's answer).
 */
@Schema(name = "ImportJob", description = "A whole-report import job and how far it is")
public record ImportJobAnswer(
        UUID id,
        @Schema(enumeration = { "RUNNING", "FINISHED", "FAILED" }) String state,
        boolean dryRun,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "the country narratives the text holds") int countriesTotal,
        @Schema(description = "countries imported (on a dry run: read)") int done,
        @Schema(description = "countries refused, each with its problem") int failed,
        @Schema(description = "countries not yet taken") int pending,
        @Schema(description = "why the job could not go on (FAILED)") String error,
        @Schema(description = "one page of the countries in the order of the text: {items, page, size, totalItems,"
                + " totalPages}; each item has position, country, textStart, textEnd, state (PENDING, DONE, FAILED),"
                + " reportId, created, result (the import's answer) or problem (problem details)") Object countries) {
}
