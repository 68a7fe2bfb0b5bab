package org.rectrack.recommendations.importing.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.problem.Problem;

/**
 * A whole-report import job and how far it is.
 *
 * @param state          RUNNING, then FINISHED once every country is done or failed, or FAILED when the job could
 *                       not go on (error says why; its countries not done say so too)
 * @param countriesTotal the country narratives the text holds
 * @param done           countries imported (or, on a dry run, read): each has its import's answer
 * @param failed         countries refused: each has the problem, as a one-country import would have answered it
 * @param pending        countries not yet taken
 * @param countries      one page of the countries, in the order of the text
 */
@Schema(name = "ImportJob")
public record ImportJobResponse(
        UUID id,
        @Schema(enumeration = { "RUNNING", "FINISHED", "FAILED" }) String state,
        boolean dryRun,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        int countriesTotal,
        int done,
        int failed,
        int pending,
        String error,
        Page<Country> countries) {

    /**
     * One country narrative of the job's text and what became of it.
     *
     * @param position  its place in the text, from 0
     * @param country   the ISO 3166-1 alpha-3 code its heading names, or null when it names none that is known
     * @param textStart where the narrative begins in the text, in characters
     * @param textEnd   where it ends, exclusive
     * @param reportId  the stored report (new or found); null on a dry run that finds none, and on a failure
     * @param created   whether this job wrote the report
     * @param result    the import's answer, as a one-country import gives it (DONE)
     * @param problem   why the country was not imported (FAILED)
     */
    @Schema(name = "ImportJobCountry")
    public record Country(
            int position,
            @Schema(example = "LAO") String country,
            int textStart,
            int textEnd,
            @Schema(enumeration = { "PENDING", "DONE", "FAILED" }) String state,
            UUID reportId,
            Boolean created,
            @Schema(implementation = ImportResponse.class) JsonNode result,
            @Schema(implementation = Problem.class) JsonNode problem) {
    }
}
