package org.rectrack.gateway.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.rectrack.platform.problem.ProblemException;

/**
 * Cross-site request forgery protection for the pages' forms (OWASP's double-submit cookie, as quarkus-rest-csrf
 * does it, with its settings {@code quarkus.rest-csrf.*} and their defaults): a page read with GET gets a random token
 * in an HttpOnly, SameSite=Strict cookie and in {@code {inject:csrf.token}} ({@link FormToken}) for its forms' hidden
 * field {@code {inject:csrf.parameterName}} (a form shown again in a POST's answer keeps it); a page's form posted (any method but GET, HEAD and OPTIONS) must carry
 * the same token in that field or in the {@code X-CSRF-TOKEN} header, or it is refused with a 403 problem, which
 * the pages show as an error page. The JSON API under the same REST path is not concerned.
 *
 * <p>Why not the extension's own filter: in Quarkus 3.31.3 it runs on every request of the application and cannot
 * be limited to some paths; an unsafe request without its cookie is refused with a bare 400 even with
 * {@code verify-token=false}, so it would refuse the JSON API's POSTs (JSON, text and the multipart
 * {@code POST /compliance-reports/verify}) from every client with a bearer token. It is switched off at build time
 * ({@code quarkus.rest-csrf.enabled=false}) and this does its work for the pages only. Requests that carry an
 * {@code Authorization} header are not checked: a browser never adds one to a forged form, so only a signed-in
 * session's cookies can be forged with.
 */
public class PageFormTokens {

    /** Where {@link FormToken} reads the request's token (the key quarkus-rest-csrf's own template helper reads). */
    static final String TEMPLATE_TOKEN = "csrf_token";
    private static final String NEW_TOKEN = "rectrack.csrf.new-token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String pagesPath;
    private final String cookieName;
    private final String formFieldName;
    private final String headerName;
    private final int tokenSize;
    private final Duration cookieMaxAge;
    private final boolean cookieForceSecure;

    PageFormTokens(@ConfigProperty(name = "quarkus.rest.path") String restPath,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = FormToken.FIELD) String formFieldName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H") Duration cookieMaxAge,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-force-secure", defaultValue = "false") boolean cookieForceSecure) {
        this.pagesPath = (restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath)
                + org.rectrack.gateway.ui.Pages.ROOT;
        this.cookieName = cookieName;
        this.formFieldName = formFieldName;
        this.headerName = headerName;
        this.tokenSize = tokenSize;
        this.cookieMaxAge = cookieMaxAge;
        this.cookieForceSecure = cookieForceSecure;
    }

    /**
     * Gives a page read its token, or checks a page's form posted against it. Runs once the form is read (as the
     * extension's filter does), so that its field can be seen.
     *
     * @throws ProblemException 403 when a posted form's token is missing or is not the cookie's
     */
    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String path = routing.request().path();
        if (!(path.equals(pagesPath) || path.startsWith(pagesPath + "/"))) {
            return; // the JSON API: bearer tokens, nothing a browser sends by itself
        }
        String cookie = validToken(routing.request().getCookie(cookieName));
        boolean unchecked = SAFE_METHODS.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (unchecked) {
            if (cookie == null) {
                cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
                routing.put(NEW_TOKEN, cookie);
            }
            routing.put(TEMPLATE_TOKEN, cookie);
            return;
        }
        String sent = request.getHeaderString(headerName);
        if (sent == null && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormParameter(formFieldName, true, false) instanceof String field) {
            sent = field;
        }
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(403, "csrf", "Form not accepted",
                    "the form's " + formFieldName + " is missing or out of date: reload the page and send it again",
                    java.util.List.of());
        }
        routing.put(TEMPLATE_TOKEN, cookie); // a form shown again after a refusal keeps the same token
    }

    /** Sets the cookie of a token given out by {@link #check}. */
    @ServerResponseFilter
    public void issue(ContainerResponseContext response, RoutingContext routing) {
        if (routing.get(NEW_TOKEN) instanceof String token) {
            routing.response().addCookie(Cookie.cookie(cookieName, token)
                    .setPath("/")
                    .setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT)
                    .setSecure(cookieForceSecure)
                    .setMaxAge(cookieMaxAge.toSeconds()));
        }
    }

    /** The cookie's token if it has the shape this issues (base64url of {@code token-size} bytes), else null. */
    private String validToken(Cookie cookie) {
        if (cookie == null) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(cookie.getValue()).length == tokenSize ? cookie.getValue() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[tokenSize];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
