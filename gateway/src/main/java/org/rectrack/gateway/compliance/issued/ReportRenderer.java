package org.rectrack.gateway.compliance.issued;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rectrack.gateway.compliance.ComplianceCsv;
import org.rectrack.gateway.compliance.CompliancePdf;
import org.rectrack.gateway.compliance.ComplianceReport;
import org.rectrack.gateway.compliance.ComplianceReportService;

/**
 * The one way a compliance report becomes bytes, for downloading ({@code GET /compliance-reports/{country}/{year}}),
 * issuing and verifying alike: so an issued report's SHA-256 is that of what a download with the same parameters
 * answers, and a verification regenerates exactly what was issued.
 */
@ApplicationScoped
public class ReportRenderer {

    private final ComplianceReportService reports;
    private final ObjectMapper mapper;

    ReportRenderer(ComplianceReportService reports, ObjectMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    /**
     * The report of {@code country} and {@code year} as of the day {@code asOf}, with what had been recorded by
     * {@code knownAt}, in {@code format}. The same arguments give the same bytes (the renderers take no clock).
     *
     * @throws org.rectrack.platform.problem.ProblemException 404 when no report on the country and year is known
     */
    @Transactional
    public RenderedReport render(String country, int year, LocalDate asOf, Instant knownAt, ReportFormat format) {
        ComplianceReport report = compute(country, year, asOf, knownAt);
        byte[] bytes = switch (format) {
            case JSON -> json(report);
            case CSV -> ComplianceCsv.render(report);
            case PDF -> CompliancePdf.render(report);
        };
        return new RenderedReport(report, format, bytes);
    }

    /**
     * THE SINGLE PLACE TO SWITCH when {@code ComplianceReportService} takes both times: replace the body with
     * {@code return reports.report(country, year, asOf, knownAt);}.
     *
     * <p>Until then the service takes one instant, meaning "what had been recorded by then"; the closest it comes to
     * both times is the earlier of {@code knownAt} and the end of the {@code asOf} day (UTC). A download with
     * {@code ?asOf=T} (an instant) is asked as the day of T known at T, which gives T back: the same bytes as before.
     */
    private ComplianceReport compute(String country, int year, LocalDate asOf, Instant knownAt) {
        Instant endOfDay = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
        return reports.report(country, year, endOfDay.isBefore(knownAt) ? endOfDay : knownAt);
    }

    /** As the REST layer would write the record: the same mapper, compact. */
    private byte[] json(ComplianceReport report) {
        try {
            return mapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the compliance report as JSON", e);
        }
    }
}
