package org.rectrack.recommendations.importing;

import java.time.LocalDate;
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
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.UnicodeText;
import org.rectrack.recommendations.importing.api.ImportResponse;
import org.rectrack.recommendations.importing.figures.NarrativeReader;
import org.rectrack.recommendations.importing.figures.ProposedEvidence;
import org.rectrack.recommendations.importing.lineage.LineageProposal;
import org.rectrack.recommendations.importing.lineage.LineageProposer;
import org.rectrack.recommendations.importing.parsing.NarrativeSplitter;
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
 * {@link ReportService} (report, recommendations, lineage links, the lineage proposals ({@link LinkProposals}) and
 * events in one transaction).
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
    private final LinkProposals linkProposals;

    ReportImporter(KnownRecommendations known, ReportService reports, LinkProposals linkProposals) {
        this.known = known;
        this.reports = reports;
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
        List<ProposedEvidence> evidence = narrative.read(narrativeText, parsed.year(),
                known.previousReport(publisher, parsed.country(), parsed.year()));
        Optional<ReportResponse> existing = known.existing(publisher, parsed.country(), parsed.year());
        if (existing.isPresent()) {
            return alreadyImported(parsed, existing.get(), proposals, evidence, options.dryRun());
        }
        if (options.dryRun()) {
            return new ImportResponse(true, false, parsed, null, proposals, evidence);
        }
        try {
            ReportResponse report = QuarkusTransaction.joiningExisting().call(() -> {
                ReportResponse published = reports.publish(request(parsed, options, proposals), actor);
                keep(published, proposals, actor);
                return published;
            });
            return new ImportResponse(false, true, parsed, report, proposals, evidence);
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
        return new ImportResponse(dryRun, false, parsed, stored, proposals, evidence);
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
