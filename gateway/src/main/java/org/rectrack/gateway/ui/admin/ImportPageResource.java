package org.rectrack.gateway.ui.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.events.recommendations.Tier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.rectrack.gateway.reports.ReportResource;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.gateway.ui.form.FormProblem;
import org.rectrack.gateway.ui.form.FormWrites;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Roles;

/**
 * "Import" ({@code /import}, role admin): paste a country chapter's text or upload it as a PDF (its text is extracted
 * with PDFBox, since the import reads text); a dry run shows what the import API answers (the country's tier, the
 * ranked recommendations, the narrative's figures as draft evidence, lineage proposals with their similarity);
 * confirming sends the same request without {@code dryRun}. Both go through the API's own import route
 * ({@link ReportResource#importText}), so the draft evidence is handed over as there.
 */
@Path(Pages.ROOT + "/import")
@Produces(MediaType.TEXT_HTML)
public class ImportPageResource {

    @CheckedTemplate(basePath = "ui/admin")
    static class Templates {
        static native TemplateInstance importing(Chrome chrome, ImportForm form, ImportPreview preview,
                FormProblem problem, URI location, URI job, List<Tier> tiers);
    }

    /** What the admin typed: the text and the hints the import takes when the text lacks them. */
    public record ImportForm(String text, String country, String year, String tier, String publisher,
            String sourceUrl, String publishedOn) {

        static ImportForm empty() {
            return new ImportForm("", "", "", "", "", "", "");
        }
    }

    private static final List<Tier> TIERS = List.of(Tier.values());

    private final PageContext context;
    private final ReportResource reports;
    private final ObjectMapper json;

    ImportPageResource(PageContext context, ReportResource reports, ObjectMapper json) {
        this.context = context;
        this.reports = reports;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance form() {
        return context.render(Templates.importing(context.chrome(), ImportForm.empty(), null, FormProblem.none(), null, null, TIERS));
    }

    /**
     * A dry run ({@code action=dry-run}, the default) or the import itself ({@code action=confirm}) of the pasted
     * text, or of the uploaded PDF's text when one is given. The page shows the answer, in its status (a 201 when
     * imported), with the text kept in the form for the confirmation.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response run(@RestForm("text") String pasted, @RestForm("pdf") FileUpload pdf,
            @RestForm("country") String country, @RestForm("year") String year, @RestForm("tier") String tier,
            @RestForm("publisher") String publisher, @RestForm("sourceUrl") String sourceUrl,
            @RestForm("publishedOn") String publishedOn, @RestForm("action") String action) {
        String text = pdf != null && pdf.size() > 0 ? textOf(pdf) : pasted == null ? "" : pasted;
        ImportForm form = new ImportForm(text, blank(country), blank(year), blank(tier), blank(publisher),
                blank(sourceUrl), blank(publishedOn));
        boolean confirm = "confirm".equals(action);
        ImportPreview preview = null;
        FormProblem problem = FormProblem.none();
        URI location = null;
        URI job = null;
        int status;
        try {
            Response answer = reports.importText(confirm ? null : "true", nullIfBlank(country), nullIfBlank(year),
                    nullIfBlank(tier), nullIfBlank(publisher), nullIfBlank(sourceUrl), nullIfBlank(publishedOn),
                    null, MediaType.TEXT_PLAIN + "; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
            status = answer.getStatus();
            if (status == Response.Status.ACCEPTED.getStatusCode()) {
                // Several narratives: a job imports each country; the page names it rather than waiting.
                job = answer.getLocation();
            } else if (status / 100 == 2) {
                preview = json.readValue((byte[]) answer.getEntity(), ImportPreview.class);
                location = answer.getLocation();
            } else {
                problem = FormProblem.of(answer, field -> field);
            }
        } catch (WebApplicationException unavailable) {
            problem = FormProblem.of(unavailable);
            status = problem.status();
        } catch (IOException unreadable) {
            throw new IllegalStateException("the import's answer is not its JSON", unreadable);
        }
        TemplateInstance page = context.render(Templates.importing(context.chrome(), form, preview, problem, location,
                job, TIERS));
        return problem.any() ? FormWrites.shownAgain(problem, page) : Response.status(status).entity(page).build();
    }

    /** The text of an uploaded PDF, page by page, as PDFBox reads it. */
    private static String textOf(FileUpload pdf) {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.uploadedFile()))) {
            return new PDFTextStripper().getText(document);
        } catch (IOException unreadable) {
            throw ProblemException.badRequest("pdf", "cannot be read as a PDF: " + unreadable.getMessage());
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
