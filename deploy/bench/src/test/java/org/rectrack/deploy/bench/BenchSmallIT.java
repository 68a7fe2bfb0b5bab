package org.rectrack.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/bench/run --small} prints the whole table: it starts rectrack on the benchmark's own ports, loads the
 * small volume, measures every row with one and with two instances, and stops. This checks that every row is there
 * with a figure and its reference, a goal and a result, that the machine is named, and that the CSV holds the same
 * rows; not the figures themselves, which belong to the machine (a missed goal says FAIL in the table, exit status 3).
 * Bounded: the script is stopped (SIGTERM, which stops all it started) after 6 minutes.
 */
class BenchSmallIT {

    /** Every row of the table, as its name begins (the compliance report's name says how much evidence it has). */
    private static final List<String> ROWS = List.of(
            "verify -> status visible at the gateway",
            "reads: one country-year list",
            "reads: one recommendation",
            "compliance report, 500 evidence, JSON",
            "compliance report, 500 evidence, PDF",
            "read model rebuilt from the topics",
            "gateway: start, memory after the load",
            "recommendations-service: start, memory after the load",
            "evidence-service: start, memory after the load",
            "import of a whole report",
            "submissions (POST /evidence), 1 instance",
            "submissions (POST /evidence), 2 instances",
            "reads (one recommendation), 1 instance",
            "reads (one recommendation), 2 instances");

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theSmallBenchmarkPrintsTheWholeTable() throws IOException, InterruptedException {
        Path log = Path.of("target/bench-small.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process bench = new ProcessBuilder(ROOT.resolve("deploy/bench/run").toString(), "--small")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!bench.waitFor(6, TimeUnit.MINUTES)) {
            bench.destroy(); // SIGTERM: the script's trap stops the system it started
            if (!bench.waitFor(1, TimeUnit.MINUTES)) {
                bench.descendants().forEach(ProcessHandle::destroyForcibly);
                bench.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output.substring(Math.max(0, output.indexOf("rectrack benchmark"))));

        assertThat(bench.exitValue()).as("exit status (0: every goal met; 3: some goal missed)\n%s", output)
                .isIn(0, 3);
        for (String row : ROWS) {
            String line = output.lines().filter(candidate -> candidate.startsWith(row)).findFirst().orElse(null);
            assertThat(line).as("the row '%s' in\n%s", row, output).isNotNull();
            String[] columns = line.split(" \\| ");
            assertThat(columns).as(line).hasSize(5);
            assertThat(columns[1]).as("the figure of " + line).containsPattern("[0-9]").doesNotContain("NaN");
            assertThat(columns[2]).as("the reference of " + line).containsPattern("[0-9]").doesNotContain("NaN");
            assertThat(columns[3]).as("the goal of " + line).isNotBlank();
            assertThat(columns[4].strip()).as("the result of " + line).isIn("pass", "FAIL", "info");
        }
        assertThat(output).containsPattern("machine: [0-9]+ cores, [0-9]+ GiB memory");

        List<String> csv = Files.readAllLines(ROOT.resolve("target/bench/results.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("row,figure,reference,goal,result");
        for (String row : ROWS) {
            assertThat(csv).as("the CSV's rows").anyMatch(line -> line.startsWith("\"" + row));
        }
        assertThat(csv).anyMatch(line -> line.startsWith("\"machine\""));
    }
}
