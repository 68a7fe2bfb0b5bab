package org.rectrack.gateway.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.rectrack.api.evidence.Citation;
import org.rectrack.gateway.compliance.ComplianceReport.Evidence;
import org.rectrack.gateway.compliance.ComplianceReport.Item;
import org.rectrack.gateway.compliance.ComplianceReport.MetricRow;
import org.rectrack.gateway.compliance.ComplianceReport.Source;
import org.rectrack.gateway.compliance.ComplianceReport.StatusCount;
import org.rectrack.gateway.compliance.ComplianceReport.Summary;
import org.rectrack.gateway.compliance.ComplianceReport.TierEntry;

/**
 * Compliance reports built in memory, for the renderers' tests: what a report holds is the computation's business
 * (ComplianceReportTest), how it is written is theirs.
 */
final class SampleReports {

    private SampleReports() {
    }

    /**
     * A LAO 2023 report with two recommendations: the first with the given text and one piece of verified evidence
     * whose summary is {@code evidenceSummary}, the second with none; two figures over three years.
     */
    static ComplianceReport report(String firstText, String evidenceSummary) {
        UUID evidence = UUID.nameUUIDFromBytes(evidenceSummary.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LocalDate day = LocalDate.of(2023, 3, 1);
        Item first = new Item(1, "LAO-2023-01", firstText, List.of("PROSECUTION"), "IN_PROGRESS", "ACTIVE",
                "SOME_ADVANCES: some verified evidence advances it", List.of(new Evidence(evidence, "ADVANCES", day, day,
                        evidenceSummary, "lo", new Citation("Vientiane Times, \"Police\" training", "Vientiane Times",
                                "https://example.org/vt/1", null, day.plusDays(1), "to at least 300 police officers"))),
                1, 2022, List.of("LAO-2022-03"));
        Item second = new Item(2, "LAO-2023-02", "Increase efforts to identify victims, including men, boys, and"
                + " LGBTQI+ persons.", List.of("PROTECTION", "PREVENTION"), "NO_EVIDENCE", "ACTIVE",
                "NO_VERIFIED_EVIDENCE: none",
                List.of(), 0, null, List.of());
        Summary summary = new Summary(List.of(new StatusCount("NO_EVIDENCE", 1), new StatusCount("REGRESSED", 0),
                new StatusCount("IMPLEMENTED", 0), new StatusCount("IN_PROGRESS", 1), new StatusCount("NOT_STARTED", 0)),
                2, new BigDecimal("50.0"), new BigDecimal("25.0"), new BigDecimal("25.0"));
        List<MetricRow> metrics = List.of(
                new MetricRow("OFFICIALS_TRAINED", "PERSONS", Arrays.asList(null, new BigDecimal("120"), new BigDecimal("300"))),
                new MetricRow("PROSECUTIONS", "CASES", Arrays.asList(new BigDecimal("4"), null, new BigDecimal("-1.5"))));
        return new ComplianceReport("LAO", 2023, LocalDate.of(2023, 12, 31), Instant.parse("2024-01-15T09:00:00Z"),
                new Source("2023 Trafficking in Persons Report: Laos", "U.S. Department of State", "TIER_2_WATCH_LIST",
                        LocalDate.of(2023, 6, 15), "https://example.org/tip/2023/laos"),
                List.of(new TierEntry(2022, "TIER_2_WATCH_LIST"), new TierEntry(2023, "TIER_2_WATCH_LIST")),
                List.of(first, second), summary, metrics, List.of(2021, 2022, 2023),
                "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    static ComplianceReport report() {
        return report("ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ, with \"quotes\"\r\nand a line end",
                "ກະຊວງ ປ້ອງກັນ ຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມ ຕຳຫຼວດ 300 ຄົນ");
    }
}
