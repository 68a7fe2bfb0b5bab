package org.rectrack.platform.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.rectrack.platform.json.JsonBodies;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.UnicodeText;

/**
 * Checks every JSON or text body of every service before any reader sees it: JSON as {@link JsonBodies} says,
 * text as strict UTF-8 (a lenient reader would store U+FFFD for each byte that is no character). A text body is
 * read, not stored as it is (an imported report's bullets are dropped), so what its reader keeps is checked for what
 * reports can print ({@link UnicodeText#unprintableAt}) by that reader. The body is held
 * in memory once; {@code quarkus.http.limits.max-body-size} bounds it.
 */
// Requests only: the gateway's REST clients read what the services answer, which needs no such check.
@ConstrainedTo(RuntimeType.SERVER)
@Provider
public class RequestBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        boolean text = type != null && "text".equals(type.getType());
        if (json || text) {
            byte[] body = context.getInputStream().readAllBytes();
            if (json) {
                JsonBodies.check(body);
            } else {
                UnicodeText.malformedUtf8At(body).ifPresent(at -> {
                    throw ProblemException.badRequest("body",
                            "is not UTF-8 text: the bytes from offset " + at + " are no character");
                });
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}
