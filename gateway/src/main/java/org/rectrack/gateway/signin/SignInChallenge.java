package org.rectrack.gateway.signin;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.problem.ProblemMappers;

/**
 * A page asked by a browser that is not signed in is sent to sign in (the OpenID Connect provider's page, which sends
 * it back to the page), where the gateway has a provider ({@code quarkus.oidc.tenant-enabled}); everything else that
 * is not signed in, the JSON API first of all, gets platform's 401 problem, as do pages where no browser can sign in
 * (a 401 page) and callers that sent a token.
 *
 * <p>Pages decide who may read them by their roles ({@code @RolesAllowed}), as the API does, so a page open to all
 * (the language switch) stays open; this answers only when a page's roles turn away an anonymous reader.
 */
public class SignInChallenge {

    private final ProblemMappers problems;
    private final SecurityIdentity identity;
    private final boolean signInEnabled;
    private final String pagesPath;

    SignInChallenge(ProblemMappers problems, SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean signInEnabled,
            @ConfigProperty(name = "quarkus.rest.path") String restPath) {
        this.problems = problems;
        this.identity = identity;
        this.signInEnabled = signInEnabled;
        this.pagesPath = (restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath) + Pages.ROOT;
    }

    /**
     * @return a redirect to the provider's sign-in page (302, the state cookie set), or platform's 401 problem
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext routing, UriInfo uri) {
        String path = routing.request().path();
        boolean page = path.equals(pagesPath) || path.startsWith(pagesPath + "/");
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        if (!page || !signInEnabled || authenticator == null || !identity.isAnonymous()
                || routing.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().item(problems.unauthenticated(e, uri));
        }
        return authenticator.getChallenge(routing).map(challenge -> challenge == null
                ? problems.unauthenticated(e, uri)
                : Response.status(challenge.status)
                        .header(challenge.headerName.toString(), challenge.headerContent)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build());
    }
}
