package org.rectrack.platform.request;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;

/**
 * Refuses a request whose {@code Accept} admits none of the types its resource method produces, with a 406 that
 * lists them, before the method runs (RFC 9110 §12.5.1). The REST layer would otherwise find out only when it
 * writes the answer, after a transition such as a verification had been committed: a 4xx that left a write
 * behind. A method that negotiates its types itself (no {@code @Produces}) is left to do so.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Provider
public class AcceptableResponse implements ContainerRequestFilter {

    /**
     * Each resource method's types by its resource class (whose {@code @Produces} serves a method without one), read
     * from the annotations once; empty: the method negotiates them itself.
     */
    private static final Map<Class<?>, Map<Method, List<MediaType>>> OFFERED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        Class<?> resourceClass = resource.getResourceClass();
        List<MediaType> offered = OFFERED.computeIfAbsent(resourceClass, type -> new ConcurrentHashMap<>())
                .computeIfAbsent(resource.getResourceMethod(), method -> offered(resourceClass, method));
        if (offered.isEmpty()) {
            return;
        }
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        boolean acceptable = offered.stream().anyMatch(type -> accepted.stream()
                .anyMatch(range -> !refused(range) && range.isCompatible(type)));
        if (!acceptable) {
            String types = offered.stream().map(type -> type.getType() + "/" + type.getSubtype()).toList().toString();
            throw new ProblemException(406, "not-acceptable", "Not Acceptable",
                    "this operation answers only " + types + ", which the Accept header does not admit",
                    List.of(new FieldError("Accept", "acceptable types: " + types)));
        }
    }

    /** The types the method's {@code @Produces} (or its resource class's) names; none without one. */
    private static List<MediaType> offered(Class<?> resourceClass, Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resourceClass.getAnnotation(Produces.class);
        }
        if (produces == null) {
            return List.of();
        }
        return Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .map(MediaType::valueOf)
                .toList();
    }

    /** An Accept entry with {@code q=0} says "not this type" (RFC 9110 §12.4.2). */
    private static boolean refused(MediaType range) {
        String q = range.getParameters().get("q");
        if (q == null) {
            return false;
        }
        try {
            return Double.parseDouble(q) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
