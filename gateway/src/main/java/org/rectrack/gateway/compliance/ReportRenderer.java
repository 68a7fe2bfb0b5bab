package org.rectrack.gateway.compliance;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectrack.gateway.readmodel.TimeFrame;


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
     * Not transactional itself: the report is read in a transaction of its own ({@link ComplianceReportService}), or
     * the caller's, and laid out after it, so a PDF's layout (half a second for 10,000 pieces of evidence) holds no
     * database connection.
     *
     * @throws org.rectrack.platform.problem.ProblemException 404 when no report on the country and year is known
     */
    public RenderedReport render(String country, int year, LocalDate asOf, Instant knownAt, ReportFormat format) {
        ComplianceReport report = reports.report(country, year, new TimeFrame(asOf, knownAt));
        byte[] bytes = switch (format) {
            case JSON -> json(report);
            case CSV -> ComplianceCsv.recommendations(report);
            case PDF -> CompliancePdf.render(report);
        };
        return new RenderedReport(report, format, bytes);
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
