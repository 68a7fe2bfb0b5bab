package org.rectrack.recommendations.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.rectrack.api.recommendations.PublishReportRequest;
import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.api.recommendations.ReportingPeriod;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.UnicodeText;
import org.rectrack.recommendations.drafts.DraftProposals;
import org.rectrack.recommendations.drafts.Finding;
import org.rectrack.recommendations.drafts.UnmatchedFinding;
import org.rectrack.recommendations.drafts.api.DraftsProposed;
import org.rectrack.recommendations.importing.api.FindingMatch;
import org.rectrack.recommendations.importing.api.ImportResponse;
import org.rectrack.recommendations.importing.figures.NarrativeReader;
import org.rectrack.recommendations.importing.figures.ProposedEvidence;
import org.rectrack.recommendations.importing.figures.ProposedMetric;
import org.rectrack.recommendations.importing.lineage.LineageProposal;
import org.rectrack.recommendations.importing.lineage.LineageProposer;
import org.rectrack.recommendations.importing.parsing.NarrativeSplitter;
import org.rectrack.recommendations.importing.text.KnownRecommendation;
import org.rectrack.recommendations.importing.parsing.ParseProblem;
import org.rectrack.recommendations.importing.parsing.ParseResult;
import org.rectrack.recommendations.importing.parsing.ParsedRecommendation;
import org.rectrack.recommendations.importing.parsing.ParsedReport;
import org.rectrack.recommendations.importing.parsing.ReportTextParser;
import org.rectrack.recommendations.lineage.LinkProposals;
import org.rectrack.recommendations.report.ReportService;
import org.rectrack.recommendations.report.api.ReportResponse;

/**
 * Imports a report from its text: reads it, proposes lineage and draft evidence, and publishes it through
 * {@link ReportService} with its draft evidence through {@link DraftProposals} and its lineage proposals through
 * {@link LinkProposals} (report, recommendations, lineage links and proposals, drafts, unmatched findings and events in
 * one transaction).
 *
 * <p>Idempotent by content: a text whose report is already stored with the same tier and recommendations
 * writes nothing and answers the stored report, so an admin may safely import a year's texts again.
 */
@ApplicationScoped
public class ReportImporter {

    private final ReportTextParser parser = new ReportTextParser();
    private final LineageProposer lineage = new LineageProposer();
    private final NarrativeReader narrative = new NarrativeReader();
    private final KnownRecommendations known;
    private final ReportService reports;
    private final DraftProposals drafts;
    private final LinkProposals linkProposals;

    ReportImporter(KnownRecommendations known, ReportService reports, DraftProposals drafts,
            LinkProposals linkProposals) {
        this.known = known;
        this.reports = reports;
        this.drafts = drafts;
        this.linkProposals = linkProposals;
    }

    public ImportResponse importText(String text, ImportOptions options, String actor) {
        ParsedReport parsed = switch (parser.parse(text, options.hints())) {
            case ParseResult.Parsed read -> read.report();
            case ParseResult.Failed failed -> throw unreadable(failed.problems());
        };
        refuseUnprintable(parsed);
        String publisher = options.publisher();
        List<LineageProposal> proposals = lineage.propose(parsed.recommendations(),
                known.chainEnds(publisher, parsed.country(), parsed.year()));
        // the narrative the report was read from: a text of several countries' is read up to the second's
        String narrativeText = NarrativeSplitter.split(text).getFirst().text();
        List<KnownRecommendation> previous = known.previousReport(publisher, parsed.country(), parsed.year());
        List<ProposedEvidence> evidence = narrative.read(narrativeText, parsed.year(), previous);
        Optional<ReportResponse> existing = known.existing(publisher, parsed.country(), parsed.year());
        if (existing.isPresent()) {
            return alreadyImported(parsed, existing.get(), proposals, evidence, options.dryRun());
        }
        if (options.dryRun()) {
            return new ImportResponse(true, false, parsed, null, proposals, evidence, null, List.of());
        }
        try {
            return write(parsed, options, proposals, evidence, unmatched(parsed, publisher, previous), actor);
        } catch (ProblemException e) {
            // Another admin imported the same text a moment ago: that is the same answer as a repeat.
            Optional<ReportResponse> raced = e.status() == 409
                    ? known.existing(publisher, parsed.country(), parsed.year())
                    : Optional.empty();
            if (raced.isEmpty()) {
                throw e;
            }
            return alreadyImported(parsed, raced.get(), proposals, evidence, false);
        }
    }

    /** Every lineage proposal is kept with the report (the linked ones as accepted), for an admin to decide the rest. */
    private void keep(ReportResponse report, List<LineageProposal> proposals, String actor) {
        Map<Integer, UUID> ids = report.recommendations().stream()
                .collect(Collectors.toMap(RecommendationResponse::rank, RecommendationResponse::id));
        for (LineageProposal proposal : proposals) {
            linkProposals.keep(ids.get(proposal.rank()), proposal.continuesFromId(), report.country(), report.year(),
                    proposal.score(), proposal.linked(), actor);
        }
    }

    /**
     * Writes the report, its recommendations and its narrative's draft evidence in one transaction (the caller's, if
     * it has one): the drafts that name a recommendation as events for the evidence-service, the others as unmatched
     * findings. Then answers which stored unmatched findings bear on the new report, for an admin to attach.
     *
     * @throws ProblemException as {@link ReportService#publish}: nothing is written then
     */
    public ImportResponse write(ParsedReport parsed, ImportOptions options, List<LineageProposal> proposals,
            List<ProposedEvidence> evidence, DraftProposals.Unmatched unmatched, String actor) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ReportResponse report = reports.publish(request(parsed, options, proposals), actor);
            keep(report, proposals, actor);
            DraftsProposed proposed = drafts.propose(report.id(), evidence.stream().map(ReportImporter::draft).toList(),
                    unmatched, actor);
            return new ImportResponse(false, true, parsed, report, proposals, evidence, proposed,
                    findingMatches(report));
        });
    }

    /**
     * Where the narrative's findings that name no recommendation belong: the previous report's year when one is
     * stored (none of its recommendations is alike), else the year before the report's (whose report is missing).
     */
    private static DraftProposals.Unmatched unmatched(ParsedReport parsed, String publisher,
            List<KnownRecommendation> previous) {
        if (previous.isEmpty()) {
            int year = parsed.year() - 1;
            return new DraftProposals.Unmatched(year, "no " + publisher + " report on " + parsed.country()
                    + " before " + parsed.year() + " is stored: it bears on the report of " + year);
        }
        int year = previous.getFirst().year();
        return new DraftProposals.Unmatched(year, "no recommendation of the " + year + " report is alike");
    }

    /** The stored unmatched findings that bear on this report, each with its most alike recommendation. */
    private List<FindingMatch> findingMatches(ReportResponse report) {
        List<UnmatchedFinding> waiting = drafts.about(report.publisher(), report.country(), report.year());
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<KnownRecommendation> recommendations = report.recommendations().stream()
                .map(r -> new KnownRecommendation(r.id(), r.code(), r.year(), r.text(), r.pillars()))
                .toList();
        List<ProposedEvidence> items = waiting.stream().map(finding -> proposed(finding.finding())).toList();
        List<ProposedEvidence> linked = narrative.link(items, recommendations);
        List<FindingMatch> matches = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            if (linked.get(i).recommendation() != null) {
                matches.add(new FindingMatch(waiting.get(i).id, linked.get(i).recommendation()));
            }
        }
        return matches;
    }

    private static DraftProposals.Draft draft(ProposedEvidence item) {
        Finding finding = new Finding(item.quote(), item.pillar(), item.assessment(), item.year(),
                item.metrics().stream().map(m -> new EvidenceChanged.Metric(m.kind(), m.value(), m.unit(), m.sex(),
                        m.ageGroup(), m.year())).toList());
        return new DraftProposals.Draft(finding, Optional.ofNullable(item.recommendation())
                .map(link -> link.recommendationId()));
    }

    private static ProposedEvidence proposed(Finding finding) {
        return new ProposedEvidence(finding.quote(), finding.pillar(), finding.assessment(), finding.actionYear(),
                finding.metrics().stream().map(m -> new ProposedMetric(m.kind(), m.value(), m.unit(), m.sex(),
                        m.ageGroup(), m.year() == null ? finding.actionYear() : m.year())).toList(), null);
    }

    /**
     * What is stored of the text must be printable in a compliance report, as the same text in a JSON body must be
     * ({@link UnicodeText#unprintableAt}); the text's bullets and other marks the reader drops are not checked.
     *
     * @throws ProblemException 400 naming the recommendation whose text or target group holds such a character
     */
    private static void refuseUnprintable(ParsedReport parsed) {
        for (int i = 0; i < parsed.recommendations().size(); i++) {
            ParsedRecommendation recommendation = parsed.recommendations().get(i);
            refuseUnprintable("recommendations[" + i + "].text", recommendation.text());
            for (int j = 0; j < recommendation.targetGroups().size(); j++) {
                refuseUnprintable("recommendations[" + i + "].targetGroups[" + j + "]",
                        recommendation.targetGroups().get(j));
            }
        }
    }

    private static void refuseUnprintable(String field, String text) {
        UnicodeText.unprintableAt(text).ifPresent(at -> {
            throw ProblemException.badRequest(field, UnicodeText.unprintableMessage(text, at));
        });
    }

    private static ImportResponse alreadyImported(ParsedReport parsed, ReportResponse stored,
            List<LineageProposal> proposals, List<ProposedEvidence> evidence, boolean dryRun) {
        difference(parsed, stored).ifPresent(difference -> {
            throw ProblemException.conflict(stored.publisher() + "'s report on " + stored.country() + " for "
                    + stored.year() + " is already stored (report " + stored.id() + ") and this text differs: "
                    + difference + "; revise or withdraw its recommendations instead");
        });
        return new ImportResponse(dryRun, false, parsed, stored, proposals, evidence, null, List.of());
    }

    private static Optional<String> difference(ParsedReport parsed, ReportResponse stored) {
        if (parsed.tier() != stored.tier()) {
            return Optional.of("the text says " + parsed.tier() + ", the stored report " + stored.tier());
        }
        List<RecommendationResponse> storedRecommendations = stored.recommendations();
        if (storedRecommendations.size() != parsed.recommendations().size()) {
            return Optional.of("it has " + parsed.recommendations().size() + " recommendations, the stored report "
                    + storedRecommendations.size());
        }
        for (int i = 0; i < storedRecommendations.size(); i++) {
            if (!storedRecommendations.get(i).text().equals(parsed.recommendations().get(i).text())) {
                return Optional.of("recommendation " + (i + 1) + " reads differently");
            }
        }
        return Optional.empty();
    }

    private static PublishReportRequest request(ParsedReport parsed, ImportOptions options, List<LineageProposal> proposals) {
        Map<Integer, UUID> links = proposals.stream().filter(LineageProposal::linked)
                .collect(Collectors.toMap(LineageProposal::rank, LineageProposal::continuesFromId));
        List<PublishReportRequest.Draft> drafts = parsed.recommendations().stream()
                .map(recommendation -> draft(recommendation, links.get(recommendation.rank())))
                .toList();
        return new PublishReportRequest(parsed.country(), parsed.year(), parsed.tier(), options.publisher(),
                parsed.title(), options.sourceUrl(), options.publishedOn(), reportingPeriod(parsed, options), drafts);
    }

    private static PublishReportRequest.Draft draft(ParsedRecommendation recommendation, UUID continuesFromId) {
        return new PublishReportRequest.Draft(recommendation.rank(), recommendation.text(), recommendation.pillars(),
                recommendation.targetGroups(), continuesFromId);
    }

    /** The TIP Report covers April of the year before to March of its year; another publisher's period is unknown. */
    private static ReportingPeriod reportingPeriod(ParsedReport parsed, ImportOptions options) {
        if (!ParsedReport.PUBLISHER.equals(options.publisher())) {
            return null;
        }
        return new ReportingPeriod(LocalDate.of(parsed.year() - 1, 4, 1), LocalDate.of(parsed.year(), 3, 31));
    }

    private static ProblemException unreadable(List<ParseProblem> problems) {
        List<FieldError> errors = problems.stream().map(problem -> new FieldError(problem.field(), problem.message())).toList();
        String detail = problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; "));
        return new ProblemException(422, "unreadable-report", "The text cannot be read as a report", detail, errors);
    }
}
