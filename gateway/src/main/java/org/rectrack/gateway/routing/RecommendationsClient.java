package org.rectrack.gateway.routing;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The writes the recommendations-service owns, and the one read the gateway's read model does not hold (a
 * recommendation's revisions); bodies and answers pass through unchanged. Each call goes as the caller:
 * {@link CallerAuthorization} passes the caller's Authorization on (its bearer token, or its browser session's).
 */
@RegisterRestClient(configKey = "recommendations")
@RegisterClientHeaders(CallerAuthorization.class)
@Produces(MediaType.APPLICATION_JSON)
public interface RecommendationsClient {

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> publish(String report);

    @PUT
    @Path("/reports/{id}/metadata")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> correct(@PathParam("id") UUID report, String metadata);

    @GET
    @Path("/recommendations/{id}/revisions")
    CompletionStage<Response> revisions(@PathParam("id") UUID recommendation);

    @POST
    @Path("/recommendations/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> revise(@PathParam("id") UUID recommendation, String revision);

    @POST
    @Path("/recommendations/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> withdraw(@PathParam("id") UUID recommendation, String reason);

    @PUT
    @Path("/recommendations/{id}/continues-from")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> link(@PathParam("id") UUID recommendation, String link);

    @DELETE
    @Path("/recommendations/{id}/continues-from")
    CompletionStage<Response> unlink(@PathParam("id") UUID recommendation);

    @GET
    @Path("/unmatched-findings")
    CompletionStage<Response> unmatchedFindings(@QueryParam("country") String country, @QueryParam("year") Integer year,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/unmatched-findings/{id}")
    CompletionStage<Response> unmatchedFinding(@PathParam("id") UUID finding);

    @POST
    @Path("/unmatched-findings/{id}/attach")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> attachFinding(@PathParam("id") UUID finding, String recommendations);

    @POST
    @Path("/reports/import")
    @Consumes(MediaType.TEXT_PLAIN)
    CompletionStage<Response> importText(@BeanParam ImportParameters parameters, byte[] text);

    @POST
    @Path("/reports/import")
    @Consumes(PDF)
    CompletionStage<Response> importPdf(@BeanParam ImportParameters parameters, byte[] pdf);

    @GET
    @Path("/reports/import-jobs/{id}")
    CompletionStage<Response> importJob(@PathParam("id") UUID job, @QueryParam("page") String page,
            @QueryParam("size") String size);

    @GET
    @Path("/lineage-proposals")
    CompletionStage<Response> lineageProposals(@QueryParam("country") String country, @QueryParam("year") String year,
            @QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("size") String size);

    @POST
    @Path("/lineage-proposals/{id}/accept")
    CompletionStage<Response> acceptProposal(@PathParam("id") UUID proposal);

    @POST
    @Path("/lineage-proposals/{id}/reject")
    CompletionStage<Response> rejectProposal(@PathParam("id") UUID proposal);

    String PDF = "application/pdf";

    /** The query parameters of an import and its Idempotency-Key, passed on as the caller gave them. */
    class ImportParameters {
        @HeaderParam("Idempotency-Key")
        public String idempotencyKey;
        @QueryParam("dryRun")
        public String dryRun;
        @QueryParam("country")
        public String country;
        @QueryParam("year")
        public String year;
        @QueryParam("tier")
        public String tier;
        @QueryParam("publisher")
        public String publisher;
        @QueryParam("sourceUrl")
        public String sourceUrl;
        @QueryParam("publishedOn")
        public String publishedOn;
    }
}
