package org.rectrack.gateway.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the web UI at the site's root paths ({@code /}, {@code /countries/LAO/2023}, …) while every JAX-RS resource,
 * the JSON API included, stays under {@code quarkus.rest.path} ({@code /api/v1}). A page is a JAX-RS resource under
 * {@link Pages#ROOT} (so that it shares the API's security, problem mappers, CSRF filter and services); this routes the
 * browser's root path there before anything else sees the request. The browser's address never changes (no redirect).
 *
 * <p>Only paths whose first segment is in {@link #PAGE_SEGMENTS} are pages; everything else (the API, {@code /q/},
 * static assets, the sign-in machinery) is left alone. A new page adds its first segment here.
 *
 * <p>Also serves the Noto Sans Lao web font the compliance reports embed (rectrack-platform's {@code fonts/}), so
 * that Lao is set in the same face on screen, from the one copy in the jar.
 */
@ApplicationScoped
public class PageRouting {

    /** The first path segment of every page ("" is the start page, {@code /}). */
    static final Set<String> PAGE_SEGMENTS = Set.of("", "countries", "recommendations", "evidence", "search", "method",
            "language", "my-organisation", "review", "changes", "compliance-reports", "verify", "import", "lineage",
            "reports", "system");

    /** The web fonts served under {@code /assets/fonts/}, with their licence. */
    private static final Map<String, String> FONTS = Map.of(
            "NotoSansLao-Regular.ttf", "font/ttf",
            "NotoSansLao-Bold.ttf", "font/ttf",
            "OFL.txt", "text/plain; charset=UTF-8");

    /** Set on a request this rerouted to its page's resource (a reroute keeps the request's data). */
    private static final String REROUTED = "rectrack.page.rerouted";

    private final String restPath;

    PageRouting(@ConfigProperty(name = "quarkus.rest.path") String restPath) {
        this.restPath = restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath;
    }

    void routes(@Observes Router router) {
        // First of all routes: a reroute starts routing again, so body handling and security see the page's path once.
        router.route().order(Integer.MIN_VALUE).handler(this::toPage);
        for (var font : FONTS.entrySet()) {
            Buffer bytes = Buffer.buffer(classpath("fonts/" + font.getKey()));
            router.get("/assets/fonts/" + font.getKey()).handler(context -> context.response()
                    .putHeader("Content-Type", font.getValue())
                    .putHeader("Cache-Control", "public, max-age=86400")
                    .end(bytes));
        }
    }

    private void toPage(RoutingContext context) {
        String path = context.normalizedPath();
        String query = context.request().query();
        if (isPage(path)) {
            context.put(REROUTED, true);
            context.reroute(restPath + Pages.ROOT + (path.equals("/") ? "" : path) + (query == null ? "" : "?" + query));
        } else if (context.get(REROUTED) == null && context.request().method() == HttpMethod.GET
                && (path.equals(restPath + Pages.ROOT) || path.startsWith(restPath + Pages.ROOT + "/"))) {
            // A page's resource path asked by the browser itself: sign-in returns it there (the OpenID Connect code
            // flow restores the path it saw, this reroute's); its address is the root path.
            context.response().setStatusCode(303)
                    .putHeader(HttpHeaders.LOCATION, Pages.browserPath(path) + (query == null ? "" : "?" + query))
                    .end();
        } else {
            context.next();
        }
    }

    /** Whether a root path is a page: its first segment is a page's. */
    static boolean isPage(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        int end = path.indexOf('/', 1);
        return PAGE_SEGMENTS.contains(end < 0 ? path.substring(1) : path.substring(1, end));
    }

    private static byte[] classpath(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (rectrack-platform carries it)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
