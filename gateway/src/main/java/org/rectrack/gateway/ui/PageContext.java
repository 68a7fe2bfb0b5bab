package org.rectrack.gateway.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.security.identity.SecurityIdentity;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.platform.security.Roles;

/**
 * The request as a page sees it: its language and the {@link Chrome} of the layout. Every page renders through
 * {@link #render}, which sets the labels' language.
 */
@RequestScoped
public class PageContext {

    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true)
            .setPrincipal(() -> "anonymous").build();

    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT,
            Roles.AUDITOR);

    private final UriInfo uri;
    private final HttpHeaders headers;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    PageContext(UriInfo uri, HttpHeaders headers, SecurityIdentity identity, CurrentVertxRequest request) {
        this.uri = uri;
        this.headers = headers;
        this.identity = identity;
        this.request = request;
    }

    /** The language of the labels: the switch's cookie, then {@code Accept-Language}. */
    public Language language() {
        Cookie cookie = headers.getCookies().get(Language.COOKIE);
        return Language.choose(cookie == null ? null : cookie.getValue(),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The chrome of a page in a time frame: it states the frame's asOf and knownAt. */
    public Chrome chrome(TimeFrame frame) {
        return chrome(frame == null ? null : frame.asOf(), frame == null ? null : frame.knownAt());
    }

    /** The chrome of a page in no time frame (the method page, an error page). */
    public Chrome chrome() {
        return chrome(null, null);
    }

    private Chrome chrome(LocalDate asOf, Instant knownAt) {
        List<Chrome.Parameter> query = new ArrayList<>();
        uri.getQueryParameters().forEach((name, values) -> values
                .forEach(value -> query.add(new Chrome.Parameter(name, value))));
        SecurityIdentity who = identity();
        String name = who.isAnonymous() ? null : who.getPrincipal().getName();
        List<String> roles = ROLES.stream().filter(who::hasRole).toList();
        return new Chrome(language(), name, roles, Pages.browserPath(uri.getPath()), List.copyOf(query),
                asOf, knownAt);
    }

    /**
     * Who is signed in, as far as the request has found out. Authentication is lazy (quarkus.http.auth.proactive=false):
     * a page's roles check has resolved it, but an error met before any resource was chosen (a 406, a 404 of no path)
     * is answered on the event loop, where it must not be resolved now (that blocks): such an error page names no one.
     */
    private SecurityIdentity identity() {
        RoutingContext current = request.getCurrent();
        if (current != null && current.user() instanceof QuarkusHttpUser user) {
            return user.getSecurityIdentity();
        }
        return Context.isOnEventLoopThread() ? ANONYMOUS : identity;
    }

    /** Whether htmx asked (it swaps a fragment, not the whole page). */
    public boolean htmx() {
        return headers.getHeaderString(Pages.HX_REQUEST) != null;
    }

    /** The page in the request's language. */
    public TemplateInstance render(TemplateInstance page) {
        return page.setLocale(language().locale());
    }
}
