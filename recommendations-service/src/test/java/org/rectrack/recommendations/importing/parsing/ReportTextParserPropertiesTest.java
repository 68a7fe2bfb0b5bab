package org.rectrack.recommendations.importing.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.Seeds;

/**
 * Properties that hold for every input, checked on many generated ones: random Unicode, mutations of the
 * seed texts, huge lines. A fixed seed per test makes a failure reproducible; the failing input's
 * generator and number are in the assertion message.
 */
class ReportTextParserPropertiesTest {

    private static final List<String> SEEDS = List.of(Seeds.REPORT_2023, Seeds.LAO_NEWS_AND_REPORT_2022,
            Seeds.PREVENTION_2021, Seeds.GENERAL_TEXT).stream().map(Seeds::read).toList();
    private static final int RUNS = 400;

    private final ReportTextParser parser = new ReportTextParser();

    @Test
    void randomUnicodeNeverThrows() {
        Random random = new Random(20230615);
        for (int run = 0; run < RUNS; run++) {
            answersWellFormed("random unicode #" + run, randomUnicode(random, random.nextInt(5_000)));
        }
    }

    @Test
    void mutatedSeedsNeverThrow() {
        Random random = new Random(20220719);
        for (int run = 0; run < RUNS; run++) {
            String text = SEEDS.get(random.nextInt(SEEDS.size()));
            for (int mutations = random.nextInt(8) + 1; mutations > 0; mutations--) {
                text = mutate(random, text);
            }
            answersWellFormed("mutated seed #" + run, text);
        }
    }

    @Test
    void hugeAndRepetitiveInputsNeverThrow() {
        String heading = "LAOS (Tier 2) 2023 TIP Report\n\nPrioritized Recommendations: ";
        List<String> inputs = List.of(
                "a".repeat(2_000_000),
                heading + "Increase efforts; ".repeat(60_000),
                heading + "Lao workers; ".repeat(80_000),
                heading + "• ".repeat(500_000),
                heading + "and ".repeat(250_000),
                "Tier ".repeat(200_000),
                "LAOS TIER RANKING BY YEAR" + " 2".repeat(500_000),
                "Prioritized Recommendations\n\n" + "Increase investigations.\n\n".repeat(40_000),
                "The Government of " + "Laos ".repeat(200_000) + "does not fully meet",
                "\n".repeat(1_000_000),
                "\r".repeat(500_000) + "\u2028".repeat(500_000),
                "\u0000\uFFFF\uD800".repeat(300_000),
                "vigorously ".repeat(100_000),
                Seeds.read(Seeds.REPORT_2023).repeat(200));
        // how fast: ReportTextParserBenchmark; a test's clock depends on the machine and on what else runs
        for (int i = 0; i < inputs.size(); i++) {
            answersWellFormed("huge input #" + i, inputs.get(i));
        }
    }

    @Test
    void whitespaceAndLineEndsChangeNothing() {
        Random random = new Random(20120619);
        List<UnaryOperator<String>> changes = List.of(
                text -> text.replace("\n", "\r\n"),
                text -> text.replace("\n", "\r"),
                text -> text.replace("\n\n", "\n\n\n\n"),
                text -> "\n\n \n" + text + "\n\n\t\n",
                text -> text.replace("\n", " \t \n"),
                text -> text.replace(" ", "  "),
                text -> text.replace(" ", "\u00A0"),
                text -> "\uFEFF" + text);
        for (String seed : SEEDS) {
            ParseResult expected = parser.parse(seed, ReportHints.NONE);
            for (int run = 0; run < 30; run++) {
                String changed = seed;
                for (UnaryOperator<String> change : changes) {
                    if (random.nextBoolean()) {
                        changed = change.apply(changed);
                    }
                }
                assertThat(parser.parse(changed, ReportHints.NONE)).as("run %d", run).isEqualTo(expected);
            }
        }
    }

    @Test
    void aTextLongerThanTheLimitIsRefusedWithoutReadingIt() {
        ParseResult result = parser.parse("Increase efforts. ".repeat(200_000), ReportHints.NONE);

        assertThat(ReportTextParserTest.problems(result))
                .containsExactly("text: is 3600000 characters long, more than the 2097152 one country's report text may have");
    }

    /** Never throws; a report's recommendations are ranked 1…n, each on one line, non-blank, at most the maximum. */
    private void answersWellFormed(String input, String text) {
        assertThatCode(() -> {
            ParseResult result = parser.parse(text, ReportHints.NONE);
            assertThat(result).isNotNull();
            if (result instanceof ParseResult.Parsed parsed) {
                List<ParsedRecommendation> recommendations = parsed.report().recommendations();
                assertThat(recommendations).hasSizeLessThanOrEqualTo(ReportTextParser.MAX_RECOMMENDATIONS);
                if (recommendations.isEmpty()) {
                    // only a Special Case has none, and the answer says so
                    assertThat(parsed.report().tier()).isEqualTo(org.rectrack.events.recommendations.Tier.SPECIAL_CASE);
                    assertThat(parsed.report().notes()).isNotEmpty();
                }
                for (int i = 0; i < recommendations.size(); i++) {
                    assertThat(recommendations.get(i).rank()).isEqualTo(i + 1);
                    assertThat(recommendations.get(i).text()).isNotBlank().doesNotContain("\n", "\r");
                }
            } else {
                assertThat(((ParseResult.Failed) result).problems()).isNotEmpty();
            }
        }).as(input).doesNotThrowAnyException();
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        String specials = "\n\r\t •;:.()“”’\u00A0\u2028\u200B\uFEFF\u0000Tier 2 Recommendations ";
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(specials.charAt(random.nextInt(specials.length())));
                case 1 -> text.append((char) random.nextInt(0x10000));
                case 2 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static String mutate(Random random, String text) {
        if (text.isEmpty()) {
            return randomUnicode(random, 100);
        }
        int at = random.nextInt(text.length());
        int end = Math.min(text.length(), at + random.nextInt(500));
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at) + text.substring(end);
            case 1 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
            case 2 -> text.substring(0, at) + randomUnicode(random, random.nextInt(50)) + text.substring(at);
            case 3 -> text.substring(0, at);
            case 4 -> swapParagraphs(random, text);
            default -> text.substring(0, at) + List.of("•", ";", "\n\n", "Prioritized Recommendations:", "PROSECUTION ",
                    "Recommendations for Laos: ", "Tier 2WL", "\u0000").get(random.nextInt(8)) + text.substring(at);
        };
    }

    private static String swapParagraphs(Random random, String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
        int a = random.nextInt(paragraphs.size());
        int b = random.nextInt(paragraphs.size());
        String first = paragraphs.get(a);
        paragraphs.set(a, paragraphs.get(b));
        paragraphs.set(b, first);
        return String.join("\n\n", paragraphs);
    }
}
