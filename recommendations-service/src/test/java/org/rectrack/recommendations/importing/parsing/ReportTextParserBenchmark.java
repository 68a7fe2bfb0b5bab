package org.rectrack.recommendations.importing.parsing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.rectrack.deploy.infra.testing.Seeds;

/**
 * How long the parser takes on the seeds and on large inputs, printed; not a test, since a test's clock depends on
 * the machine and on what else runs. Run from the module with the test classpath, for example:
 * {@code ./mvnw -pl recommendations-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rectrack.recommendations.importing.parsing.ReportTextParserBenchmark}.
 */
public final class ReportTextParserBenchmark {

    private static final int ROUNDS = 20;

    private ReportTextParserBenchmark() {
    }

    public static void main(String[] args) {
        ReportTextParser parser = new ReportTextParser();
        String report2023 = Seeds.read(Seeds.REPORT_2023);
        String heading = "LAOS (Tier 2) 2023 TIP Report\n\nPrioritized Recommendations: ";
        List<String> inputs = List.of(report2023, Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022),
                heading + "Increase efforts; ".repeat(60_000), heading + "Lao workers; ".repeat(80_000),
                "a".repeat(2_000_000), report2023.repeat(200));
        for (String input : inputs) {
            parser.parse(input, ReportHints.NONE);
        }
        for (int i = 0; i < inputs.size(); i++) {
            long started = System.nanoTime();
            for (int round = 0; round < ROUNDS; round++) {
                parser.parse(inputs.get(i), ReportHints.NONE);
            }
            double millis = (System.nanoTime() - started) / 1e6 / ROUNDS;
            System.out.printf("input %d: %,d characters, %.1f ms a parse%n", i, inputs.get(i).length(), millis);
        }
        // 188 narratives, as a year's report has: the 2023 Laos one under other countries' headings
        String whole = Arrays.stream(Locale.getISOCountries()).limit(188)
                .map(code -> report2023.replace("LAOS (Tier 2)", Locale.of("", code).getDisplayCountry(Locale.ENGLISH)
                        .toUpperCase(Locale.ROOT) + " (Tier 2)"))
                .collect(Collectors.joining("\n\n"));
        long started = System.nanoTime();
        int narratives = parser.parseEach(whole, new ReportHints(null, 2023, null)).size();
        System.out.printf("parseEach: %d narratives, %,d characters, %.1f ms%n", narratives, whole.length(),
                (System.nanoTime() - started) / 1e6);
    }
}
