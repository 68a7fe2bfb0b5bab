package org.rectrack.platform.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.UnicodeText;

/**
 * Refuses a query that cannot mean one thing, for every endpoint of every service: a parameter given more than
 * once ({@code ?year=2006&year=2024}; JAX-RS would silently use the first, and no rectrack parameter takes a
 * list), or a name or value whose percent-encoded bytes are no UTF-8 (decoded leniently, {@code %FF} would
 * become U+FFFD). Each is a 400 naming the parameter.
 */
public class QueryParameters {

    @ServerRequestFilter
    public void refuseAmbiguousQuery(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName)
                    .orElseThrow(() -> ProblemException.badRequest("query", "a parameter's name is not UTF-8 text: percent-encode each byte of its UTF-8"));
            if (equals >= 0 && decode(pair.substring(equals + 1)).isEmpty()) {
                throw ProblemException.badRequest(name, "is not UTF-8 text: percent-encode each byte of its UTF-8");
            }
            if (!names.add(name)) {
                throw ProblemException.badRequest(name, "is given more than once; give it once");
            }
        }
    }

    /** application/x-www-form-urlencoded decoding that fails, rather than replaces, what is not UTF-8. */
    static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // A URI holds ASCII only (RFC 3986): other text comes percent-encoded.
                return Optional.empty();
            }
        }
        byte[] decoded = bytes.toByteArray();
        if (UnicodeText.malformedUtf8At(decoded).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new String(decoded, StandardCharsets.UTF_8));
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
