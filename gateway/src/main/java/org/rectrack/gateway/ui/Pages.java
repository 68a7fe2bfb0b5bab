package org.rectrack.gateway.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the pages live. Browsers ask root paths ({@code /countries/LAO/2023}); {@link PageRouting} hands them to the
 * JAX-RS resources under {@link #ROOT}, inside the REST path ({@code /api/v1/pages/countries/LAO/2023}). Every link a
 * page prints is a root path.
 */
public final class Pages {

    /** The JAX-RS path prefix of every page resource. */
    public static final String ROOT = "/pages";

    /** htmx, from its WebJar (the pom's {@code htmx.version}); its licence is beside it in the same folder. */
    public static final String HTMX = "/webjars/htmx.org/2.0.7/dist/htmx.min.js";

    /** The request header htmx sends with every request it makes: such a request gets only the fragment it swaps. */
    public static final String HX_REQUEST = "HX-Request";

    private Pages() {
    }

    /**
     * A value as it goes into a page's query string (percent-encoded UTF-8, {@code application/x-www-form-urlencoded});
     * null as empty. Whatever a form posted then makes a valid address to send the browser back to.
     */
    public static String queryValue(String value) {
        return URLEncoder.encode(Objects.toString(value, ""), StandardCharsets.UTF_8);
    }

    /**
     * The root path a browser asked, from the path of a page's resource ({@code /pages/method} or
     * {@code /api/v1/pages/method} → {@code /method}).
     */
    static String browserPath(String resourcePath) {
        int root = resourcePath.indexOf(ROOT);
        String path = root < 0 ? resourcePath : resourcePath.substring(root + ROOT.length());
        return path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    }
}
