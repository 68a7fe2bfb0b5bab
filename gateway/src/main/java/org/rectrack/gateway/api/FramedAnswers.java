package org.rectrack.gateway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.Viewer;

/**
 * The answer of a read in a {@link TimeFrame}, with what makes it reproducible and cheap to ask again:
 * <ul>
 * <li>{@code Content-Location}: the same request with {@code asOf} and {@code knownAt} pinned to the frame answered
 * (RFC 9110, section 8.7): asking it gives the same answer for ever. It states both times even where the body has no
 * place for them (a page of evidence, a report).</li>
 * <li>{@code ETag} (RFC 9110, section 8.8.3): a strong validator, computed from the question rather than the body, since
 * the same question in the same frame for the same viewer always gets the same bytes. {@code If-None-Match} with it
 * gets a 304 without the answer being computed again.</li>
 * <li>{@code Cache-Control: private}: the answer depends on who asks (restricted evidence).</li>
 * </ul>
 */
public final class FramedAnswers {

    /** Changes whenever the shape of an answer changes, so that no ETag of an older shape matches. */
    private static final String SHAPE = "2";

    private FramedAnswers() {
    }

    /**
     * The answer to a read: a 304 when {@code If-None-Match} already names it (the answer is then not computed), else
     * a 200 with it; both with the headers above.
     *
     * @param frame  the frame the answer is in
     * @param viewer whose eyes the answer is for
     * @param answer computes the entity; its exceptions (a 404 problem) pass through
     */
    public static <T> RestResponse<T> of(Request request, UriInfo uri, TimeFrame frame, Viewer viewer,
            Supplier<T> answer) {
        EntityTag tag = tag(uri, frame, viewer);
        boolean unchanged = request.evaluatePreconditions(tag) != null;
        RestResponse.ResponseBuilder<T> response = unchanged ? RestResponse.ResponseBuilder.notModified()
                : RestResponse.ResponseBuilder.ok(answer.get());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoTransform(false);
        return response.tag(tag)
                .cacheControl(cache)
                .header(HttpHeaders.CONTENT_LOCATION, uri.getRequestUriBuilder()
                        .replaceQueryParam("asOf", frame.asOf().toString())
                        .replaceQueryParam("knownAt", frame.knownAt().toString())
                        .build())
                .build();
    }

    private static EntityTag tag(UriInfo uri, TimeFrame frame, Viewer viewer) {
        StringBuilder question = new StringBuilder(SHAPE).append('\n').append(uri.getPath()).append('\n');
        Map<String, java.util.List<String>> parameters = new TreeMap<>(uri.getQueryParameters());
        parameters.remove("asOf");
        parameters.remove("knownAt");
        parameters.forEach((name, values) -> question.append(name).append('=').append(values).append('\n'));
        question.append(frame.asOf()).append('\n').append(frame.knownAt()).append('\n')
                .append(viewer.organisation()).append('\n').append(viewer.seesRestricted());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(question.toString().getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
