package org.rectrack.gateway.signin;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.rectrack.platform.security.Caller;

/**
 * {@code /signed-in}: who the browser is signed in as (name, roles, organisation), and a link to sign out. The path
 * asks to be signed in (application.properties), so a browser without a session is sent to sign in first. A plain
 * page until the web UI's own header shows the same.
 */
@ApplicationScoped
public class SignedInPage {

    void route(@Observes Router router) {
        router.get("/signed-in").handler(this::page);
    }

    private void page(RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            context.fail(401); // the path's permission signs the browser in first; this is a safeguard only
            return;
        }
        String organisation = Caller.organisationOf(identity).orElse("");
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Signed in · rectrack</title></head>
                <body><main>
                <h1>Signed in</h1>
                <dl>
                <dt>Name</dt><dd id="name">%s</dd>
                <dt>Roles</dt><dd id="roles">%s</dd>
                <dt>Organisation</dt><dd id="organisation">%s</dd>
                </dl>
                <p><a id="sign-out" href="/sign-out">Sign out</a></p>
                </main></body></html>
                """.formatted(escape(identity.getPrincipal().getName()),
                escape(String.join(", ", new TreeSet<>(identity.getRoles()))), escape(organisation));
        context.response()
                .putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
