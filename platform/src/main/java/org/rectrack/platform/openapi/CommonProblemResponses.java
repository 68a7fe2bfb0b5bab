package org.rectrack.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.rectrack.platform.problem.Problem;

/**
 * Adds to every operation of a service's OpenAPI document the problem responses that every operation can give,
 * so that the resources document only what is particular to each operation (its 404, 409, 422, its own 400).
 * Every rectrack service gets it from this module (found in its Jandex index).
 *
 * <p>Each is an {@code application/problem+json} {@link Problem}: 400 (a malformed request, see
 * {@link org.rectrack.platform.problem.HttpProblems} and {@code QueryValues}), 401 and 403 (every operation names
 * its roles; {@code quarkus.security.jaxrs.deny-unannotated-endpoints}), 406 ({@code AcceptableResponse}), 413 and
 * 415 for an operation that takes a body, and 500. A response the operation documents itself with a body is kept
 * as it is; one documented without a body (as the security scan adds 401 and 403) gets the problem body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class CommonProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("400", "The request is malformed: a parameter given twice or not in its documented form, a"
                + " malformed Content-Type or Accept header, or a body that is not valid UTF-8 JSON; errors names each"
                + " field");
        common.put("401", "No valid bearer token");
        common.put("403", "The token carries none of the roles this operation allows");
        common.put("406", "The Accept header admits none of the media types this operation answers with; detail names"
                + " those it offers");
        if (operation.getRequestBody() != null) {
            common.put("413", "The body is larger than the service accepts (" + maxBodySize() + ")");
            common.put("415", "The Content-Type is not one this operation takes");
        }
        common.put("500", "An unexpected error; detail says nothing of the service's internals");

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        common.forEach((status, description) -> {
            APIResponse documented = responses.getAPIResponse(status);
            if (documented == null || documented.getContent() == null || documented.getContent().getMediaTypes().isEmpty()) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }

    /** The body limit as configured (the platform sets 1M), in bytes as HttpProblems' 413 states it. */
    private static String maxBodySize() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .map(size -> new MemorySizeConverter().convert(size).asLongValue() + " bytes")
                .orElse("its configured limit");
    }
}
