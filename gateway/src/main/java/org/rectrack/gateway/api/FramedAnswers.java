package org.rectrack.gateway.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.gateway.readmodel.KnownAtWatermark;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.status.Viewer;

/**
 * The answer of a read in a {@link TimeFrame}, with what makes it reproducible and cheap to ask again.
 * <ul>
 * <li>{@code Content-Location}: the same request with {@code asOf} and {@code knownAt} pinned to the frame answered
 * (RFC 9110, section 8.7). Asking it gives the same answer for ever. It states both times even where the body has no
 * place for them (a page of evidence, a report).</li>
 * <li>{@code ETag} (RFC 9110, section 8.8.3): a strong validator computed from the question, not the body: the same
 * question in the same frame for the same viewer always gets the same bytes. {@code If-None-Match} with it gets a 304
 * without the answer being computed.</li>
 * <li>{@code Cache-Control: private}: the answer depends on who asks (restricted evidence).</li>
 * </ul>
 *
 * <p><b>The answers cache.</b> An answer in a frame whose {@code knownAt} the read model has reached
 * ({@link KnownAtWatermark}) can never change: nothing recorded by then can still arrive, and what is recorded later does
 * not count in it. So its JSON bytes are kept under its ETag, with no invalidation, only a size bound (Caffeine evicts
 * the least used). A question that leaves {@code knownAt} open is asked as known at the latest change, so it hits the
 * same bytes until something new is recorded: that is what makes the diplomats' reads cheap (issue 8's benchmark,
 * {@code deploy/bench/run}). Forgotten after a rebuild.
 */
@ApplicationScoped
public class FramedAnswers {

    /** Changes whenever the shape of an answer changes, so that no ETag (and no cached answer) of an older one matches. */
    private static final String SHAPE = "2";
    private static final long CACHE_BYTES = 64L * 1024 * 1024;

    private final KnownAtWatermark watermark;
    private final ObjectMapper json;
    private final Cache<String, SerializedString> answers = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((String tag, SerializedString body) -> 2 * (tag.length() + body.charLength()))
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    FramedAnswers(KnownAtWatermark watermark, ObjectMapper json) {
        this.watermark = watermark;
        this.json = json;
    }

    /**
     * The answer to a read: a 304 when {@code If-None-Match} already names it (the answer is then not computed), else
     * a 200 with its JSON; both with the headers above.
     *
     * @param frame  the frame the answer is in
     * @param viewer whose eyes the answer is for
     * @param answer computes the entity; its exceptions (a 404 problem) pass through, and nothing is kept
     * @return the response; its entity is the answer's JSON as a Jackson {@link RawValue}, which the JSON writer
     *         copies as it is (the declared type is what the OpenAPI document shows)
     */
    @SuppressWarnings("unchecked")
    public <T> RestResponse<T> of(Request request, UriInfo uri, TimeFrame frame, Viewer viewer, Supplier<T> answer) {
        EntityTag tag = tag(uri, frame, viewer);
        RestResponse.ResponseBuilder<T> response;
        if (request.evaluatePreconditions(tag) != null) {
            response = RestResponse.ResponseBuilder.notModified();
        } else {
            SerializedString body = settled(frame) ? answers.get(tag.getValue(), key -> serialize(answer.get()))
                    : serialize(answer.get());
            response = RestResponse.ResponseBuilder.ok((T) new RawValue(body), MediaType.APPLICATION_JSON_TYPE);
        }
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoTransform(false);
        return response.tag(tag)
                .cacheControl(cache)
                .header(HttpHeaders.CONTENT_LOCATION, pinned(uri.getRequestUriBuilder(), frame))
                .build();
    }

    /**
     * The request (or another part of the same answer) with {@code asOf} and {@code knownAt} set to the frame's: what
     * {@code Content-Location} names, and any link that must rest on the same data.
     */
    public static URI pinned(UriBuilder request, TimeFrame frame) {
        return request.replaceQueryParam("asOf", frame.asOf().toString())
                .replaceQueryParam("knownAt", frame.knownAt().toString())
                .build();
    }

    /**
     * Forgets every answer once a rebuild has ended: the rebuilt model gives the same answers, unless it was rebuilt
     * because the old one was wrong.
     */
    void forget(@Observes KnownAtWatermark.Rebuilt rebuilt) {
        answers.invalidateAll();
    }

    /** Whether nothing can change the answers in the frame any more. */
    private boolean settled(TimeFrame frame) {
        return !watermark.reached().watermark().isBefore(frame.knownAt());
    }

    /** The answer's JSON; a SerializedString keeps its UTF-8 bytes once encoded, so a cached answer is one copy. */
    private SerializedString serialize(Object entity) {
        try {
            return new SerializedString(json.writeValueAsString(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    private static EntityTag tag(UriInfo uri, TimeFrame frame, Viewer viewer) {
        StringBuilder question = new StringBuilder(SHAPE).append('\n').append(uri.getPath()).append('\n');
        Map<String, List<String>> parameters = new TreeMap<>(uri.getQueryParameters());
        parameters.remove("asOf");
        parameters.remove("knownAt");
        parameters.forEach((name, values) -> question.append(name).append('=').append(values).append('\n'));
        question.append(frame.asOf()).append('\n').append(frame.knownAt()).append('\n')
                .append(viewer.organisation()).append('\n').append(viewer.seesRestricted());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(question.toString().getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
