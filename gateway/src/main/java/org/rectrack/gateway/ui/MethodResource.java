package org.rectrack.gateway.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.platform.security.Roles;

/**
 * The method ({@code /method}): the status rules in plain words (StatusRules, DESIGN.md), the assessments, tiers, what
 * "verified", {@code asOf} and {@code knownAt} mean, and how a report's hash is checked. Prose, so one template per
 * language ({@code ui/method/method_en.html}, {@code method_lo.html}) rather than message keys.
 */
@Path(Pages.ROOT + "/method")
public class MethodResource {

    @CheckedTemplate(basePath = "ui/method")
    static class Templates {
        static native TemplateInstance method_en(Chrome chrome);

        static native TemplateInstance method_lo(Chrome chrome);
    }

    private final PageContext context;

    MethodResource(PageContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance method() {
        Chrome chrome = context.chrome();
        return context.render(switch (chrome.language()) {
            case EN -> Templates.method_en(chrome);
            case LO -> Templates.method_lo(chrome);
        });
    }
}
