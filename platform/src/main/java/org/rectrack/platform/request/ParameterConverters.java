package org.rectrack.platform.request;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.rectrack.platform.problem.ProblemException;

/**
 * Reads typed path and query parameters ({@code @PathParam("id") UUID id}) as {@link QueryValues} reads text: a
 * wrong value is a 400 naming the parameter. JAX-RS answers a 404 for a path or query parameter it cannot convert
 * (spec 3.2), as if {@code /recommendations/not-a-uuid} were a path that does not exist; ProblemMappers unwraps the
 * ProblemException thrown here from that 404.
 */
// Requests only: the gateway's REST clients write their parameters as the JDK does.
@ConstrainedTo(RuntimeType.SERVER)
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        // A path segment is always there: blank there is a wrong value, not an absent one.
        boolean required = annotations != null
                && Arrays.stream(annotations).anyMatch(annotation -> annotation instanceof PathParam);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, required, QueryValues::optionalUuid);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, required, QueryValues::optionalDate);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, required, QueryValues::optionalInstant);
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, boolean required,
            BiFunction<String, String, Optional<V>> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                Optional<V> parsed = parse.apply(name, value);
                if (required && parsed.isEmpty()) {
                    throw ProblemException.badRequest(name, "must not be blank");
                }
                return parsed.orElse(null);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            switch (annotation) {
                case PathParam path -> {
                    return path.value();
                }
                case QueryParam query -> {
                    return query.value();
                }
                case HeaderParam header -> {
                    return header.value();
                }
                case MatrixParam matrix -> {
                    return matrix.value();
                }
                case FormParam form -> {
                    return form.value();
                }
                case CookieParam cookie -> {
                    return cookie.value();
                }
                default -> {
                }
            }
        }
        return "parameter";
    }
}
