package org.rectrack.recommendations.importing;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;
import org.rectrack.platform.validation.PlainText;
import org.rectrack.platform.validation.UnicodeText;
import org.rectrack.recommendations.importing.api.ImportResponse;
import org.rectrack.recommendations.importing.parsing.ParsedReport;
import org.rectrack.recommendations.importing.parsing.ReportHints;

/** REST entry point for importing a report from its plain text. */
@Path("/reports/import")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final int MAX_PUBLISHER = 200;
    private static final int MAX_URL = 2000;

    private final ReportImporter importer;
    private final Caller caller;

    ImportResource(ReportImporter importer, Caller caller) {
        this.importer = importer;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a report from the plain text of a TIP Report country chapter",
            description = "Reads country, year, tier and the prioritized recommendations; proposes lineage to the "
                    + "country's earlier recommendations (linking from a similarity of 0.6) and the narrative's "
                    + "figures and findings as draft evidence. The body is UTF-8 text of at most 1 MiB. A text "
                    + "holding several countries' narratives imports the first; parsed.notes names the others.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING,
                    example = "LAOS (Tier 2) Extracted in part from the U.S. State Dept 2023 TIP Report …")))
    @APIResponse(responseCode = "201", description = "Imported; Location names the report",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "200", description = "A dry run, or this text's report was imported before: nothing written",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is empty, not UTF-8 or binary, or a parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A different text of the same report is already stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The text is no report: no recommendations (a Special Case "
            + "narrative, which has none, is imported without), or no country, year or tier that the text or the "
            + "parameters give; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ImportResponse> importReport(
            byte[] body,
            @Parameter(description = "preview only: write nothing") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "ISO 3166-1 alpha-3, when the text names no country", example = "LAO")
            @QueryParam("country") String country,
            @Parameter(description = "the report's year, when the text names none", example = "2023")
            @QueryParam("year") String year,
            @Parameter(description = "the tier, when the text names none", example = "TIER_2") @QueryParam("tier") String tier,
            @Parameter(description = "whose report it is", example = ParsedReport.PUBLISHER) @QueryParam("publisher") String publisher,
            @Parameter(description = "where the text was taken from") @QueryParam("sourceUrl") String sourceUrl,
            @Parameter(description = "publication date", example = "2023-06-15") @QueryParam("publishedOn") String publishedOn) {
        ReportHints hints = new ReportHints(QueryValues.optionalCountry("country", country).orElse(null),
                QueryValues.optionalInteger("year", year, 2001, 2100).orElse(null),
                QueryValues.optionalEnum("tier", tier, Tier.class).orElse(null));
        ImportOptions options = new ImportOptions(hints, publisher(publisher), sourceUrl(sourceUrl), date(publishedOn),
                flag(dryRun));
        ImportResponse imported = importer.importText(ReportBody.text(body), options, caller.name());
        if (!imported.created()) {
            return RestResponse.ok(imported);
        }
        return RestResponse.ResponseBuilder.<ImportResponse> created(URI.create("reports/" + imported.report().id()))
                .entity(imported)
                .build();
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("dryRun", "must be true or false");
        };
    }

    private static String publisher(String value) {
        if (value == null || value.isBlank()) {
            return ParsedReport.PUBLISHER;
        }
        String publisher = value.strip();
        if (publisher.length() > MAX_PUBLISHER || !new PlainText.Validator().isValid(publisher, null)) {
            throw ProblemException.badRequest("publisher", "must be plain text of at most " + MAX_PUBLISHER + " characters");
        }
        UnicodeText.unprintableAt(publisher).ifPresent(at -> {
            throw ProblemException.badRequest("publisher", UnicodeText.unprintableMessage(publisher, at));
        });
        return publisher;
    }

    private static String sourceUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        if (url.length() > MAX_URL || !url.matches("https?://\\S+")) {
            throw ProblemException.badRequest("sourceUrl", "must be an http or https URL");
        }
        return url;
    }

    private static LocalDate date(String value) {
        LocalDate date = QueryValues.optionalDate("publishedOn", value).orElse(null);
        if (date != null && date.isAfter(LocalDate.now())) {
            throw ProblemException.badRequest("publishedOn", "must not be in the future");
        }
        return date;
    }
}
