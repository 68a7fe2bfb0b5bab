package org.rectrack.recommendations.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import org.hibernate.exception.ConstraintViolationException;
import org.rectrack.api.recommendations.CorrectReportRequest;
import org.rectrack.api.recommendations.PublishReportRequest.Draft;
import org.rectrack.api.recommendations.PublishReportRequest;
import org.rectrack.api.recommendations.ReportingPeriod;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.Change;
import org.rectrack.recommendations.Lineage;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;
import org.rectrack.recommendations.publishing.RecommendationEvents;
import org.rectrack.recommendations.report.api.ReportResponse;
import org.rectrack.recommendations.Report;

/** Publishes reports with their recommendations, and answers questions about them. */
@ApplicationScoped
public class ReportService {

    private final RecommendationEvents events;
    private final Lineage lineage;

    ReportService(RecommendationEvents events, Lineage lineage) {
        this.events = events;
        this.lineage = lineage;
    }

    /** Publishes a report and all its recommendations at once: all of it is written, or none. */
    @Transactional
    public ReportResponse publish(PublishReportRequest request, String actor) {
        checkRules(request);
        if (Report.findByPublisherCountryYear(request.publisher(), request.country(), request.year()).isPresent()) {
            throw duplicate(request);
        }
        Instant now = Instant.now();
        Report report = Report.publish(request.country(), request.year(), metadata(request.tier(), request.publisher(),
                request.title(), request.sourceUrl(), request.publishedOn(), request.reportingPeriod()), now);
        try {
            report.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Another admin published the same report a moment ago.
            throw duplicate(request);
        }

        List<Recommendation> recommendations = new ArrayList<>();
        for (Draft draft : request.recommendations()) {
            Recommendation recommendation = Recommendation.publish(report, draft.rank(), draft.text(),
                    orEmpty(draft.pillars()), orEmpty(draft.targetGroups()), draft.continuesFromId(), actor, now);
            recommendations.add(recommendation);
        }
        recommendations.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        events.reportChanged(report.changed(recommendations.size()), report.version());
        recommendations.forEach(recommendation -> events.recommendationChanged(recommendation.changed(Change.CREATED),
                recommendation.version()));
        return ReportResponses.of(report, recommendations);
    }

    /**
     * Corrects a report's tier and metadata: one new report version and its event, with the full state, so that
     * every reader shows the correction (the earlier state stays on the topic, seen by knownAt before it).
     * Sending the state the report already has changes nothing.
     *
     * @throws ProblemException 404 for no such report; 400 for a reporting period that ends before it begins; 409 when
     *                          the corrected publisher has a report on the same country and year already
     */
    @Transactional
    public ReportResponse correct(UUID id, CorrectReportRequest request) {
        Report report = Report.<Report> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("report", id));
        ReportingPeriod period = request.reportingPeriod();
        if (period != null && period.to().isBefore(period.from())) {
            throw ProblemException.invalid(List.of(new FieldError("reportingPeriod.to",
                    "must not be before reportingPeriod.from")));
        }
        Report.Metadata corrected = metadata(request.tier(), request.publisher(), request.title(),
                request.sourceUrl(), request.publishedOn(), period);
        List<Recommendation> recommendations = Recommendation.ofReport(id);
        if (report.metadata().equals(corrected)) {
            return ReportResponses.of(report, recommendations);
        }
        if (!report.publisher().equals(request.publisher()) && Report.findByPublisherCountryYear(request.publisher(),
                report.country(), report.year()).isPresent()) {
            throw ProblemException.conflict("a report by " + request.publisher() + " on " + report.country() + " for "
                    + report.year() + " is already published");
        }
        report.correct(corrected);
        try {
            Report.flush();
        } catch (ConstraintViolationException e) {
            // Another admin published or corrected a report to the same publisher, country and year a moment ago.
            throw ProblemException.conflict("a report by " + request.publisher() + " on " + report.country() + " for "
                    + report.year() + " is already published");
        }
        events.reportChanged(report.changed(recommendations.size()), report.version());
        return ReportResponses.of(report, recommendations);
    }

    @Transactional
    public Optional<ReportResponse> find(UUID id) {
        return Report.<Report> findByIdOptional(id).map(report -> ReportResponses.of(report, Recommendation.ofReport(id)));
    }

    @Transactional
    public Page<ReportResponse> list(Optional<String> country, Optional<Integer> year, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        country.ifPresent(value -> {
            where.append(" and country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and year = :year");
            parameters.and("year", value);
        });
        var query = Report.<Report> find(where + " order by year desc, country, publisher", parameters);
        List<Report> reports = query.page(page.page(), page.size()).list();
        Map<UUID, List<Recommendation>> recommendations = recommendationsOf(reports);
        return Page.of(reports.stream()
                .map(report -> ReportResponses.of(report, recommendations.getOrDefault(report.id(), List.of())))
                .toList(), page, query.count());
    }

    private static Map<UUID, List<Recommendation>> recommendationsOf(List<Report> reports) {
        Map<UUID, List<Recommendation>> byReport = new HashMap<>();
        if (!reports.isEmpty()) {
            List<UUID> ids = reports.stream().map(Report::id).toList();
            Recommendation.<Recommendation> list("report.id in ?1 order by rank", ids)
                    .forEach(r -> byReport.computeIfAbsent(r.report().id(), id -> new ArrayList<>()).add(r));
        }
        return byReport;
    }

    /** Rules that need more than one field, or the database, to check. */
    private void checkRules(PublishReportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.year() > Year.now().getValue() + 1) {
            errors.add(new FieldError("year", "must not be later than next year"));
        }
        if (request.reportingPeriod() != null && request.reportingPeriod().to().isBefore(request.reportingPeriod().from())) {
            errors.add(new FieldError("reportingPeriod.to", "must not be before reportingPeriod.from"));
        }
        List<Draft> drafts = request.recommendations();
        Set<Integer> ranks = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            int rank = drafts.get(i).rank();
            if (!ranks.add(rank)) {
                errors.add(new FieldError("recommendations[" + i + "].rank", "rank " + rank + " is used twice"));
            } else if (rank > drafts.size()) {
                errors.add(new FieldError("recommendations[" + i + "].rank",
                        "ranks must run from 1 to " + drafts.size() + " without gaps"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (int i = 0; i < drafts.size(); i++) {
            UUID earlier = drafts.get(i).continuesFromId();
            if (earlier != null) {
                lineage.checkContinuation("recommendations[" + i + "].continuesFromId", request.country(), request.year(), earlier);
            }
        }
    }

    private static Report.Metadata metadata(Tier tier, String publisher, String title, String sourceUrl,
            LocalDate publishedOn, ReportingPeriod period) {
        return new Report.Metadata(tier, publisher, title, sourceUrl, publishedOn,
                period == null ? null : period.from(), period == null ? null : period.to());
    }

    private static ProblemException duplicate(PublishReportRequest request) {
        return ProblemException.conflict("a report by " + request.publisher() + " on " + request.country()
                + " for " + request.year() + " is already published");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
