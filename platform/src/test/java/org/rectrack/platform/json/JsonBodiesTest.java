package org.rectrack.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;

class JsonBodiesTest {

    @Test
    void aWellFormedBodyInTheReportsScriptsPasses() {
        assertThatCode(() -> JsonBodies.check(utf8("{\"summary\":\"ຝຶກອົບຮົມ Nguyễn “x” \\u0e9d\",\"list\":[{\"a\":1},{\"a\":2}]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void aCharacterTheReportFontsLackIsRefusedNamingTheFieldAndTheCharacter() {
        for (String value : new String[] { "ຝຶກ 😀", "ຝຶກ \\ud83d\\ude00", "ຝຶກ 中", "ຝຶກ \\u0001" }) {
            FieldError error = refusal("{\"source\":{\"title\":\"" + value + "\"}}");

            assertThat(error.field()).isEqualTo("source.title");
            assertThat(error.message()).startsWith("holds U+").contains("at character 4")
                    .contains("reports cannot print");
        }
    }

    @Test
    void anUnpairedHighSurrogateEscapeIsRefusedNamingTheField() {
        assertThat(refusal("{\"summary\":\"\\ud800\"}")).satisfies(error -> {
            assertThat(error.field()).isEqualTo("summary");
            assertThat(error.message()).contains("surrogate");
        });
    }

    @Test
    void aLowSurrogateAloneAndAReversedPairAreRefusedToo() {
        assertThat(refusal("{\"source\":{\"title\":\"a\\udc00b\"}}").field()).isEqualTo("source.title");
        assertThat(refusal("{\"targetGroups\":[\"ok\",\"\\udc00\\ud800\"]}").field()).isEqualTo("targetGroups[1]");
    }

    @Test
    void aFieldNameWithAnUnpairedSurrogateIsRefusedWithoutEchoingIt() {
        FieldError error = refusal("{\"sum\\ud800\":\"x\"}");

        assertThat(error.field()).isEqualTo("sum\\uD800");
        assertThat(error.field().chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void aDuplicateKeyIsRefusedNamingIt() {
        assertThat(refusal("{\"visibility\":\"RESTRICTED\",\"summary\":\"x\",\"visibility\":\"PUBLIC\"}").field())
                .isEqualTo("visibility");
    }

    @Test
    void aDuplicateKeyDeepInsideIsRefusedWithItsPath() {
        assertThat(refusal("{\"recommendations\":[{\"rank\":1},{\"rank\":2,\"text\":\"a\",\"rank\":3}]}").field())
                .isEqualTo("recommendations[1].rank");
    }

    @Test
    void theSameKeyInTwoObjectsIsNoDuplicate() {
        assertThatCode(() -> JsonBodies.check(utf8("{\"a\":{\"x\":1},\"b\":{\"x\":1},\"c\":[{\"x\":1},{\"x\":2}]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void bytesThatAreNoUtf8AreRefusedNamingTheFieldTheyStandIn() {
        assertThat(refusal(bytes("{\"language\":\"en\",\"summary\":\"ab", 0xFF, "c\"}"))).satisfies(error -> {
            assertThat(error.field()).isEqualTo("summary");
            assertThat(error.message()).contains("UTF-8");
        });
    }

    @Test
    void anEncodedSurrogateAndAnOverlongFormAreNoUtf8() {
        assertThat(refusal(bytes("{\"summary\":\"", 0xED, 0xA0, 0x80, "\"}")).field()).isEqualTo("summary");
        assertThat(refusal(bytes("{\"list\":[\"", 0xC0, 0xAF, "\"]}")).field()).isEqualTo("list[0]");
    }

    @Test
    void aBodyThatIsNotJsonIsLeftToTheReader() {
        assertThatCode(() -> JsonBodies.check(utf8("{\"summary\": "))).doesNotThrowAnyException();
    }

    private static FieldError refusal(String json) {
        return refusal(utf8(json));
    }

    private static FieldError refusal(byte[] body) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> JsonBodies.check(body));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).hasSize(1);
        return problem.errors().getFirst();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Strings as UTF-8, integers as single raw bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(utf8(text));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
