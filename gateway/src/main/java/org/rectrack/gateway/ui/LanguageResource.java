package org.rectrack.gateway.ui;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.platform.problem.ProblemException;

/**
 * The language switch: a plain GET link (it works without JavaScript) that keeps the reader's choice in a cookie and
 * sends them back to the page they were reading, now in that language.
 */
@Path(Pages.ROOT + "/language")
public class LanguageResource {

    /** A year: the choice outlives the session, as a reader expects of a language setting. */
    private static final int KEPT_SECONDS = 365 * 24 * 3600;

    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response choose(@QueryParam("lang") String lang, @QueryParam("back") String back, @Context UriInfo uri) {
        Language language = Language.ofTag(lang)
                .orElseThrow(() -> ProblemException.badRequest("lang", "must be one of en, lo"));
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE)
                .value(language.tag())
                .path("/")
                .maxAge(KEPT_SECONDS)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        // Absolute: a relative Location would be resolved against the REST path (/api/v1/), not the site's root.
        return Response.seeOther(uri.getBaseUri().resolve(local(back))).cookie(cookie).build();
    }

    /** Only a path on this site: anything else (another host, {@code //host}, a scheme) sends the reader home. */
    static String local(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getAuthority() == null ? back : "/";
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }
}
