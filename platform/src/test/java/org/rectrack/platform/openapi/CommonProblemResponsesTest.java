package org.rectrack.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class CommonProblemResponsesTest {

    private final CommonProblemResponses filter = new CommonProblemResponses();

    @Test
    void anOperationWithoutABodyGetsTheProblemsEveryOperationCanGive() {
        Operation operation = filter.filterOperation(OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The report"))));

        assertThat(operation.getResponses().getAPIResponses())
                .containsOnlyKeys("200", "400", "401", "403", "406", "500");
        assertThat(problemSchema(operation.getResponses().getAPIResponse("406")))
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void anOperationThatTakesABodyMayAlsoAnswerTooLargeAndUnsupportedMediaType() {
        Operation operation = filter.filterOperation(OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody().required(true)));

        assertThat(operation.getResponses().getAPIResponses()).containsKeys("413", "415");
        assertThat(operation.getResponses().getAPIResponse("413").getDescription()).contains("1048576 bytes");
    }

    @Test
    void aProblemTheOperationDocumentsItselfKeepsItsDescription() {
        Operation operation = filter.filterOperation(OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("400", problem("asOf is not an instant"))
                        .addAPIResponse("403", problem("Not an NGO, or the token names no organisation"))));

        assertThat(operation.getResponses().getAPIResponse("400").getDescription()).isEqualTo("asOf is not an instant");
        assertThat(operation.getResponses().getAPIResponse("403").getDescription())
                .isEqualTo("Not an NGO, or the token names no organisation");
    }

    @Test
    void aProblemDocumentedWithoutABodyGetsTheProblemBody() {
        Operation operation = filter.filterOperation(OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))));

        assertThat(problemSchema(operation.getResponses().getAPIResponse("401")))
                .isEqualTo("#/components/schemas/Problem");
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    private static String problemSchema(APIResponse response) {
        return response.getContent().getMediaType("application/problem+json").getSchema().getRef();
    }
}
