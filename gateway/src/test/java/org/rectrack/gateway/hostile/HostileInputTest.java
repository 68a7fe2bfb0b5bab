package org.rectrack.gateway.hostile;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.rectrack.deploy.infra.testing.HostileBodies.concat;
import static org.rectrack.gateway.TestCallers.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/**
 * Hostile input of the kinds of issue 12 at the gateway: each is a 400 problem naming the field or parameter. In
 * these tests no service runs behind the gateway (a routed write would answer 503), so a 400 also shows that the
 * gateway refused the write itself and passed nothing on.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class HostileInputTest {

    private static final String EVIDENCE = "{\"recommendations\":[{\"recommendationId\":\"" + UUID.randomUUID()
            + "\",\"assessment\":\"ADVANCES\"}],\"actionDate\":\"2023-03-01\",\"summary\":\"%s\",\"language\":\"en\","
            + "\"source\":{\"title\":\"Vientiane Times\",\"url\":\"https://example.org\"},\"visibility\":\"%s\"}";

    @Test
    void evidenceWithAnUnpairedSurrogateIsRefusedBeforeItIsPassedOn() {
        for (String escape : List.of("\\ud800", "\\udc00", "\\udc00\\ud800")) {
            submit(EVIDENCE.formatted(escape, "PUBLIC").getBytes(StandardCharsets.UTF_8))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("summary"))
                    .body("errors[0].message", containsString("surrogate"));
        }
    }

    /** What the compliance report's fonts cannot draw is refused, so that a signed PDF never shows a "?" for it. */
    @Test
    void aCharacterTheReportsCannotPrintIsRefusedBeforeItIsPassedOn() {
        submit(EVIDENCE.formatted("ຝຶກອົບຮົມ 中国", "PUBLIC").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("summary"))
                .body("errors[0].message", containsString("U+4E2D"));
        as("admin").contentType("application/json").body("{\"title\":\"Report 😀\"}")
                .post("/api/v1/reports").then().statusCode(400).body("errors.field", contains("title"));
    }

    @Test
    void bodiesThatAreNoUtf8AreRefusedBeforeTheyArePassedOn() {
        String[] around = EVIDENCE.formatted("MARK", "PUBLIC").split("MARK");
        submit(concat(around[0], new byte[] { (byte) 0xFF }, around[1]))
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("summary"));

        as("admin").contentType("application/json").body(concat("{\"title\":\"", new byte[] { (byte) 0xC3, 0x28 }, "\"}"))
                .post("/api/v1/reports").then().statusCode(400).body("errors.field", contains("title"));
        as("admin").contentType("text/plain; charset=UTF-8").body(concat("LAOS (Tier 2)", new byte[] { (byte) 0xFF }, ""))
                .post("/api/v1/reports/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("body"));
        as("reviewer").body(concat("{\"reason\":\"", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "\"}"))
                .post("/api/v1/evidence/" + UUID.randomUUID() + "/reject").then().statusCode(400)
                .body("errors.field", contains("reason"));
    }

    @Test
    void aDuplicateKeyIsRefusedBeforeItIsPassedOn() {
        String doubled = EVIDENCE.formatted("Trained 300 officials.", "RESTRICTED").replaceFirst("}$", ",\"visibility\":\"PUBLIC\"}");

        submit(doubled.getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("visibility"));
        as("admin").body("{\"country\":\"LAO\",\"recommendations\":[{\"rank\":1,\"rank\":2}]}").post("/api/v1/reports")
                .then().statusCode(400).body("errors.field", contains("recommendations[0].rank"));
        as("ngo").body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/v1/evidence/" + UUID.randomUUID() + "/retract")
                .then().statusCode(400).body("errors.field", contains("reason"));
    }

    @Test
    void aPathParameterThatIsNoUuidIsA400NamingIt() {
        for (String path : List.of("/api/v1/recommendations/not-a-uuid", "/api/v1/recommendations/1-2-3-4-5",
                "/api/v1/reports/not-a-uuid", "/api/v1/evidence/not-a-uuid")) {
            as("diplomat").get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("id"));
        }
        as("reviewer").post("/api/v1/evidence/not-a-uuid/verify").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"));
        as("auditor").accept("application/json").get("/api/v1/compliance-reports/LAO/٢٠٢٣").then().statusCode(400)
                .body("errors.field", contains("year"));
    }

    @Test
    void aQueryParameterGivenTwiceIsA400NamingIt() {
        as("diplomat").get("/api/v1/recommendations?year=2006&year=2024").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("year"))
                .body("errors[0].message", containsString("more than once"));
        as("diplomat").get("/api/v1/reports?asOf=2023-12-31&asOf=2024-12-31").then().statusCode(400)
                .body("errors.field", contains("asOf"));
        as("diplomat").get("/api/v1/evidence?state=SUBMITTED&state=VERIFIED").then().statusCode(400)
                .body("errors.field", contains("state"));
        as("auditor").accept("application/json").get("/api/v1/compliance-reports/LAO/2023?asOf=2023-12-31&asOf=2022-12-31")
                .then().statusCode(400).body("errors.field", contains("asOf"));
        as("admin").contentType("text/plain; charset=UTF-8").body("LAOS (Tier 2)")
                .post("/api/v1/reports/import?dryRun=true&dryRun=false").then().statusCode(400)
                .body("errors.field", contains("dryRun"));
    }

    @Test
    void anAsOfOrKnownAtThatIsNoPlainDateOrInstantIsA400NamingIt() {
        for (String time : List.of("asOf", "knownAt")) {
            for (String value : List.of("-2023-12-31", "+2023-12-31T00:00:00Z", "2023-12-31T23:59:59", "1703980800",
                    "2023-12-31T23:59:59.5+0700", "1899-12-31")) {
                for (String path : List.of("/api/v1/recommendations", "/api/v1/recommendations/" + UUID.randomUUID(),
                        "/api/v1/reports", "/api/v1/reports/" + UUID.randomUUID(), "/api/v1/evidence",
                        "/api/v1/evidence/" + UUID.randomUUID())) {
                    as("diplomat").queryParam(time, value).get(path).then().statusCode(400)
                            .contentType("application/problem+json").body("errors.field", contains(time));
                }
                as("auditor").accept("application/json").queryParam(time, value)
                        .get("/api/v1/compliance-reports/LAO/2023").then().statusCode(400)
                        .body("errors.field", contains(time));
            }
        }
    }

    @Test
    void aQueryValueThatIsNoUtf8IsA400NamingIt() {
        as("diplomat").urlEncodingEnabled(false).get("/api/v1/recommendations?country=L%FFO").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("country"));
        as("admin").urlEncodingEnabled(false).contentType("text/plain; charset=UTF-8").body("LAOS (Tier 2)")
                .post("/api/v1/reports/import?publisher=%ED%A0%80").then().statusCode(400)
                .body("errors.field", contains("publisher"));
    }

    private static ValidatableResponse submit(byte[] body) {
        return as("ngo", "ngo-hostile").header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/evidence").then();
    }
}
