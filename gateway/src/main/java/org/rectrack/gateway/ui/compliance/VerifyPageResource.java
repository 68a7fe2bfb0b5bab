package org.rectrack.gateway.ui.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.rectrack.gateway.compliance.issued.Verifier;
import org.rectrack.gateway.compliance.issued.api.Verification;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Roles;

/**
 * "Verify a report" ({@code /verify}, every role): upload a PDF, CSV or JSON report, or paste its SHA-256; the
 * {@link Verifier} of {@code POST /compliance-reports/verify} says whether rectrack issued it, for which country,
 * year and times, and whether regenerating it gives the same bytes. Its verdict is shown in words.
 */
@Path(Pages.ROOT + "/verify")
@Produces(MediaType.TEXT_HTML)
public class VerifyPageResource {

    @CheckedTemplate(basePath = "ui/compliance")
    static class Templates {
        static native TemplateInstance verify(Chrome chrome, Verification verification, String sha256);
    }

    private final PageContext context;
    private final Verifier verifier;

    VerifyPageResource(PageContext context, Verifier verifier) {
        this.context = context;
        this.verifier = verifier;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance form() {
        return context.render(Templates.verify(context.chrome(), null, ""));
    }

    /**
     * The verdict on the uploaded file or the pasted hash (one of them).
     *
     * @throws ProblemException 400 naming {@code file} or {@code sha256} when the form has neither, or both
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance verify(@RestForm("file") FileUpload file, @RestForm("sha256") String sha256) {
        boolean hasHash = sha256 != null && !sha256.isBlank();
        boolean hasFile = file != null && file.size() > 0;
        if (hasFile && hasHash) {
            throw ProblemException.badRequest("sha256", "give a file or its sha256, not both");
        }
        Verification verification;
        if (hasHash) {
            verification = verifier.verifyHash(sha256.strip());
        } else if (hasFile) {
            try {
                verification = verifier.verifyFile(Files.readAllBytes(file.uploadedFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("reading an uploaded file", e);
            }
        } else {
            throw ProblemException.badRequest("file", "is required: the report's file (or paste its sha256)");
        }
        return context.render(Templates.verify(context.chrome(), verification, hasHash ? sha256.strip() : ""));
    }
}
