package org.rectrack.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem+json for what the HTTP layer refuses before any resource runs: a body over the size limit of its path
 * (the usual one, or the larger one of the few paths configured to take large bodies; checked here from Content-Length, so the caller learns the limit; a body without one, sent chunked, is read
 * here up to the limit, so that going over it fails the request into {@link #answerFailure} instead of the REST
 * layer's bare 413; a form, multipart/form-data, is always read here, so that a malformed or empty one is a 400),
 * a Content-Type or Accept header that is not a media type (refused before any resource
 * runs: the REST layer would fail on it with a 500, or, for Accept, only after the resource had written) and
 * any other failure with a status. A failed sign-in is a 401; a redirect of the sign-in (OpenID Connect's code flow,
 * to the provider or back to the page the browser asked) is no failure and is sent as the redirect it is.
 */
@ApplicationScoped
public class HttpProblems {

    /** Set on a request whose form (multipart/form-data) was read here. */
    private static final String FORM_READ_HERE = "rectrack.form-read-here";

    private final ObjectMapper mapper;
    private final BodyLimit usual;
    private final BodyLimit large;
    private final Set<String> largeBodyPaths;

    /**
     * The body limit of the paths, and the handlers that read a body up to it.
     *
     * @param bytes         the most a body may have
     * @param chunkedBodies reads a chunked body, failing past the limit
     * @param forms         reads a form (multipart/form-data), failing past the limit
     */
    private record BodyLimit(long bytes, BodyHandler chunkedBodies, BodyHandler forms) {

        static BodyLimit of(long bytes, String uploadsDirectory) {
            // The REST layer uses a body read here as it is (RoutingContext.body()); no file uploads are kept.
            // Every form (multipart/form-data) is read here, chunked or not, file parts kept where the REST layer keeps
            // them and deleted when the request ends: the REST layer takes a form read here from the routing context.
            // Its own parser failed on a malformed form with an IOException (a 500) and, on a chunked one whose body
            // had been read here without its files, waited until its read timed out.
            return new BodyLimit(bytes, BodyHandler.create(false).setBodyLimit(bytes),
                    BodyHandler.create(uploadsDirectory).setBodyLimit(bytes).setDeleteUploadedFilesOnEnd(true));
        }
    }

    /**
     * @param maxBodySize      the most any body may have ({@code quarkus.http.limits.max-body-size}): what the
     *                         large-body paths take
     * @param usualBodySize    the most a body may have on every other path ({@code rectrack.http.max-body-size}); the
     *                         same as maxBodySize unless set: a service with one operation that takes large bodies (a
     *                         whole report's import) keeps every other operation at the usual limit
     * @param largeBodyPaths   the request paths, exactly, that take bodies up to maxBodySize
     *                         ({@code rectrack.http.large-body-paths})
     */
    HttpProblems(ObjectMapper mapper, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "rectrack.http.max-body-size") Optional<MemorySize> usualBodySize,
            @ConfigProperty(name = "rectrack.http.large-body-paths") Optional<List<String>> largeBodyPaths,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDirectory) {
        this.mapper = mapper;
        this.large = BodyLimit.of(maxBodySize.asLongValue(), uploadsDirectory);
        long usualBytes = Math.min(maxBodySize.asLongValue(), usualBodySize.orElse(maxBodySize).asLongValue());
        this.usual = usualBytes == large.bytes() ? large : BodyLimit.of(usualBytes, uploadsDirectory);
        this.largeBodyPaths = Set.copyOf(largeBodyPaths.orElse(List.of()));
    }

    private BodyLimit limit(RoutingContext context) {
        return largeBodyPaths.contains(context.request().path()) ? large : usual;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route().order(Integer.MIN_VALUE).handler(this::refuseMalformedMediaTypes);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::readChunkedBody);
        router.route().order(Integer.MIN_VALUE + 2).handler(this::refuseEmptyForm);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
    }

    private void refuseOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > limit(context).bytes()) {
            respond(context, 413, "payload-too-large", "Body too large",
                    "the body has " + length + " bytes; this operation accepts at most " + limit(context).bytes());
            return;
        }
        context.next();
    }

    /** Content-Type and each entry of Accept must parse as media types (RFC 9110 §8.3.1, §12.5.1). */
    private void refuseMalformedMediaTypes(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            respond(context, 400, "malformed-header", "Malformed header",
                    "Content-Type: '" + abbreviate(contentType) + "' is not a media type such as application/json");
            return;
        }
        for (String accept : context.request().headers().getAll(HttpHeaders.ACCEPT)) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !isMediaType(range.strip())) {
                    respond(context, 400, "malformed-header", "Malformed header",
                            "Accept: '" + abbreviate(range.strip()) + "' is not a media range such as application/json");
                    return;
                }
            }
        }
        context.next();
    }

    /** As the REST layer reads it (its MediaType header delegate), so what passes here passes there. */
    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }

    /** A chunked body has no Content-Length to check up front: read it, failing with 413 once it passes the limit. */
    private void readChunkedBody(RoutingContext context) {
        if (isForm(context)) {
            context.put(FORM_READ_HERE, true);
            limit(context).forms().handle(context);
            return;
        }
        if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            limit(context).chunkedBodies().handle(context);
            return;
        }
        context.next();
    }

    /**
     * A form read here without a single field: the REST layer, finding none, would wait for the body from the request
     * (already read) until its read timed out, and fail with a 500. Refused as the empty form it is.
     */
    private void refuseEmptyForm(RoutingContext context) {
        if (Boolean.TRUE.equals(context.get(FORM_READ_HERE)) && context.fileUploads().isEmpty()
                && context.request().formAttributes().isEmpty()) {
            respond(context, 400, "validation", "Request is not valid", "body: the form has no fields");
            return;
        }
        context.next();
    }

    private static boolean isForm(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private void answerFailure(RoutingContext context) {
        if (context.failure() instanceof AuthenticationRedirectException redirect && !context.response().headWritten()) {
            // Quarkus's path-based permissions fail the request with this when authentication continues elsewhere:
            // answered as its own REST exception mapper answers it.
            context.response().setStatusCode(redirect.getCode())
                    .putHeader(HttpHeaders.LOCATION, redirect.getRedirectUri())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        if (context.failure() instanceof AuthenticationException && !context.response().headWritten()) {
            respond(context, 401, "unauthenticated", "Not signed in", "the sign-in could not be completed");
            return;
        }
        int status = context.statusCode();
        long maxBodyBytes = limit(context).bytes();
        if (status != 413 && context.request().bytesRead() > maxBodyBytes) {
            // Past the limit, whatever failed: a form's upload stopped at the limit also fails its file's pipe, and
            // that failure (a 500) can come first.
            status = 413;
        }
        if (status < 400 || context.response().headWritten()) {
            context.next();
            return;
        }
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = status == 413 ? "the body is larger than this operation accepts (" + maxBodyBytes + " bytes)" : title;
        respond(context, status, title.toLowerCase().replace(' ', '-'), title, detail);
    }

    private void respond(RoutingContext context, int status, String type, String title, String detail) {
        Problem problem = new Problem(ProblemMappers.TYPE_PREFIX + type, title, status, detail,
                context.request().path(), List.of());
        HttpServerResponse response = context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        try {
            response.end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
