package org.rectrack.gateway.browser;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.security.Roles;

/**
 * A page's form handler for the tests only (no page of the application posts a form yet): an NGO's form, answered
 * with what it received. What protects it (the form token, the role) is what protects every page's form.
 */
@Path(Pages.ROOT + "/form-probe")
public class FormProbe {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.NGO)
    @Operation(hidden = true)
    public String post(@RestForm String note) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Accepted</title></head><body><p id=\"accepted\">"
                + note.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>";
    }
}
