package org.rectrack.recommendations.importing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Roles;
import org.rectrack.recommendations.importing.api.ImportJobResponse;

/** REST entry point for whole-report import jobs: how far one is, and each country's answer. */
@Path("/reports/import-jobs")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportJobResource {

    private final ImportJobs jobs;

    ImportJobResource(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A whole-report import job: its progress and one page of its countries (role admin)",
            description = "Countries total, done, failed and pending, and for each country in the order of the text its"
                    + " import's answer (DONE: the report's id, or on a dry run what would be written) or the problem that"
                    + " kept it out (FAILED). The job is RUNNING until every country is done or failed; a job whose"
                    + " service instance stopped is resumed by another, or after a restart, or else marked FAILED.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "page or size is not in its documented form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobResponse get(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return jobs.find(id, page.toRequest()).orElseThrow(() -> ProblemException.notFound("import job", id));
    }
}
