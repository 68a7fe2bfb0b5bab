package org.rectrack.recommendations.importing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;
import org.rectrack.platform.validation.PlainText;
import org.rectrack.platform.validation.UnicodeText;
import org.rectrack.recommendations.importing.api.ImportJobResponse;
import org.rectrack.recommendations.importing.api.ImportResponse;
import org.rectrack.recommendations.importing.parsing.NarrativeSplitter;
import org.rectrack.recommendations.importing.parsing.NarrativeSplitter.Narrative;
import org.rectrack.recommendations.importing.parsing.ParsedReport;
import org.rectrack.recommendations.importing.parsing.ReportHints;

/** REST entry point for importing a report: one country's text at once, a whole report's text or PDF as a job. */
@Path("/reports/import")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final int MAX_PUBLISHER = 200;
    private static final int MAX_URL = 2000;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final ReportImporter importer;
    private final ImportJobs jobs;
    private final Caller caller;

    ImportResource(ReportImporter importer, ImportJobs jobs, Caller caller) {
        this.importer = importer;
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, ReportPdf.MEDIA_TYPE })
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a report: one country's chapter at once, or a whole report (text or PDF) as a job",
            description = "Reads country, year, tier and the prioritized recommendations; proposes lineage to the "
                    + "country's earlier recommendations (linking from a similarity of 0.6, keeping every proposal from "
                    + "0.3 under /lineage-proposals) and the narrative's figures and findings as draft evidence. The "
                    + "body is UTF-8 text or a PDF (its text is extracted), of at most 32 MiB and 16 Mi characters of "
                    + "text. A body of ONE country's narrative is imported at once (201, or 200 for a dry run or a "
                    + "repeat). A body of SEVERAL, cut at each country's heading, starts a job (202, Location "
                    + "/reports/import-jobs/{id}) that imports each country as its own report, as a one-country import "
                    + "would, and shows each country's answer or problem; a dry run computes them and writes no report. "
                    + "A repeat of the same body and options while its job runs, or with the same Idempotency-Key, "
                    + "answers the same job.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING,
                    example = "LAOS (Tier 2) Extracted in part from the U.S. State Dept 2023 TIP Report …")),
            @Content(mediaType = ReportPdf.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "201", description = "Imported; Location names the report",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "200", description = "A dry run, or this text's report was imported before: nothing written",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "202", description = "A whole report: its job started (or the job this request repeats);"
            + " Location names the job; Idempotent-Replayed: true on a repeat",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is empty, not UTF-8 or binary, no PDF or a locked one,"
            + " or a parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A different text of the same report is already stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body, its pages or its text are more than a whole report's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The text is no report: no recommendations (a Special Case "
            + "narrative, which has none, is imported without), or no country, year or tier that the text or the "
            + "parameters give; errors names each. Or a PDF without text, or an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<?> importReport(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "for a whole report: a key of the caller's (1 to 200 visible ASCII characters, such"
                    + " as a UUID); a repeat with it answers the job it started")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = "preview only: write nothing") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "ISO 3166-1 alpha-3, when the text names no country (one country's text only)",
                    example = "LAO")
            @QueryParam("country") String country,
            @Parameter(description = "the report's year, when the text names none", example = "2023")
            @QueryParam("year") String year,
            @Parameter(description = "the tier, when the text names none (one country's text only)", example = "TIER_2")
            @QueryParam("tier") String tier,
            @Parameter(description = "whose report it is", example = ParsedReport.PUBLISHER) @QueryParam("publisher") String publisher,
            @Parameter(description = "where the text was taken from") @QueryParam("sourceUrl") String sourceUrl,
            @Parameter(description = "publication date", example = "2023-06-15") @QueryParam("publishedOn") String publishedOn) {
        ReportHints hints = new ReportHints(QueryValues.optionalCountry("country", country).orElse(null),
                QueryValues.optionalInteger("year", year, 2001, 2100).orElse(null),
                QueryValues.optionalEnum("tier", tier, Tier.class).orElse(null));
        ImportOptions options = new ImportOptions(hints, publisher(publisher), sourceUrl(sourceUrl), date(publishedOn),
                flag(dryRun));
        Optional<String> key = idempotencyKey(idempotencyKey);
        boolean pdf = contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(ReportPdf.MEDIA_TYPE));
        String text = pdf ? ReportPdf.text(body) : ReportBody.text(body);
        List<Narrative> narratives = NarrativeSplitter.split(text);
        if (narratives.size() > 1) {
            return startJob(narratives, options, fingerprint(pdf, body, options), key);
        }
        ImportResponse imported = importer.importText(text, options, caller.name());
        if (!imported.created()) {
            return RestResponse.ok(imported);
        }
        return RestResponse.ResponseBuilder.<ImportResponse> created(URI.create("reports/" + imported.report().id()))
                .entity(imported)
                .build();
    }

    private RestResponse<ImportJobResponse> startJob(List<Narrative> narratives, ImportOptions options, String fingerprint,
            Optional<String> key) {
        List<FieldError> oneCountryOnly = new ArrayList<>();
        if (options.hints().country() != null) {
            oneCountryOnly.add(new FieldError("country", "names one country's report, and the text holds "
                    + narratives.size() + " countries' narratives, each naming its own"));
        }
        if (options.hints().tier() != null) {
            oneCountryOnly.add(new FieldError("tier", "is one country's tier, and the text holds " + narratives.size()
                    + " countries' narratives, each naming its own"));
        }
        if (!oneCountryOnly.isEmpty()) {
            throw ProblemException.invalid(oneCountryOnly);
        }
        ImportJobs.Started started = jobs.start(narratives, options, fingerprint, key, caller.name());
        ImportJobResponse job = jobs.find(started.id(), new PageRequest(0, PageParams.DEFAULT_SIZE)).orElseThrow();
        var answer = RestResponse.ResponseBuilder.<ImportJobResponse> accepted(job)
                .location(URI.create("reports/import-jobs/" + started.id()));
        if (started.replayed()) {
            answer.header(IDEMPOTENT_REPLAYED, "true");
        }
        return answer.build();
    }

    /** What makes two whole-report requests the same: the body as sent, its kind, and every option. */
    private static String fingerprint(boolean pdf, byte[] body, ImportOptions options) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String said = String.join("\n", pdf ? "pdf" : "text", options.publisher(), String.valueOf(options.sourceUrl()),
                    String.valueOf(options.publishedOn()), String.valueOf(options.hints().year()),
                    String.valueOf(options.dryRun()), "");
            sha256.update(said.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A client-chosen key such as a UUID: 1 to 200 visible ASCII characters. */
    private static Optional<String> idempotencyKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isEmpty() || header.length() > 200 || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters, such as a UUID");
        }
        return Optional.of(header);
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
