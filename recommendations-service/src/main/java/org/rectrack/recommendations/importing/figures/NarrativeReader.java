package org.rectrack.recommendations.importing.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.recommendations.importing.text.KnownRecommendation;
import org.rectrack.recommendations.importing.parsing.RecommendationLists;
import org.rectrack.recommendations.importing.parsing.Pillars;
import org.rectrack.recommendations.importing.text.ReportText;

/**
 * Reads a year's narrative into draft evidence about the previous year's recommendations: the
 * government's figures, and its plain findings of no progress or of a step back.
 *
 * <p>A TIP Report describes what the government did since the previous report, so its statements bear on
 * the recommendations the previous report made. The trafficking profile at the end describes traffickers,
 * not the government, and is not read; nor are the recommendations themselves.
 */
public final class NarrativeReader {

    private static final Pattern SECTION = Pattern.compile("^(PROSECUTION|PROTECTION|PREVENTION)\\b");
    private static final Pattern PROFILE = Pattern.compile("^(?:TRAFFICKING\\s+)?PROFILE\\b");
    /** "The government maintained prevention efforts.": a section's opening sentence names it. */
    private static final Pattern SECTION_SUMMARY = Pattern.compile(
            "\\b(?:increased|decreased|maintained|made)\\s+(?:\\w+\\s+){0,3}?(law enforcement|prosecution|protection|prevention)"
                    + "\\s+efforts\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RECOMMENDATIONS = Pattern.compile("^(?:Prioriti[sz]ed\\s+)?Recommendations\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b(?![-–]\\d)");

    /**
     * @param reportYear the year of the report the narrative is from; undated figures are about the year before
     * @param previous   the same country's recommendations of the previous year's report, to link items to
     */
    public List<ProposedEvidence> read(String text, int reportYear, List<KnownRecommendation> previous) {
        List<ProposedEvidence> items = new ArrayList<>();
        List<ProposedEvidence> summaryItems = new ArrayList<>();
        Pillar section = null;
        ReportText narrative = ReportText.of(text);
        Optional<RecommendationLists.Section> recommendations = RecommendationLists.find(narrative);
        List<String> paragraphs = narrative.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            if (PROFILE.matcher(paragraph).find()) {
                break;
            }
            Matcher heading = SECTION.matcher(paragraph);
            if (heading.find()) {
                section = Pillar.valueOf(heading.group(1));
            }
            int at = i;
            if (RECOMMENDATIONS.matcher(paragraph).find() || recommendations.filter(found -> found.holds(at)).isPresent()) {
                continue;
            }
            boolean summary = recommendations.filter(found -> at < found.firstParagraph()).isPresent();
            for (String sentence : Sentences.of(paragraph)) {
                section = summarisedSection(sentence).orElse(section);
                item(sentence, section, reportYear).ifPresent(item -> (summary ? summaryItems : items).add(item));
            }
        }
        items.addAll(0, withoutRestatedFigures(summaryItems, items));
        return link(items, previous);
    }

    /**
     * The items, each linked to the recommendation it most likely bears on, or to none when none is alike: also for
     * findings kept unmatched by an earlier import, once the report they bear on is imported.
     *
     * @return the items in their order, each with its link (or null)
     */
    public List<ProposedEvidence> link(List<ProposedEvidence> items, List<KnownRecommendation> recommendations) {
        RecommendationMatcher matcher = RecommendationMatcher.of(recommendations,
                items.stream().map(ProposedEvidence::quote).toList());
        return items.stream()
                .map(item -> item.linkedTo(matcher.bestFor(item).orElse(null)))
                .toList();
    }

    /**
     * The summary before the recommendations restates the sections' main figures ("initiated 11 new
     * investigations" and, under Prosecution, "resulted in only 11 new investigations"): each figure is kept
     * once, with the section's sentence, which says more. A summary figure no section states stays.
     */
    private static List<ProposedEvidence> withoutRestatedFigures(List<ProposedEvidence> summary, List<ProposedEvidence> body) {
        record Key(MetricKind kind, BigDecimal value, String unit, int year) {
        }
        Set<Key> stated = new HashSet<>();
        body.forEach(item -> item.metrics().forEach(m -> stated.add(new Key(m.kind(), m.value(), m.unit(), m.year()))));
        List<ProposedEvidence> kept = new ArrayList<>();
        for (ProposedEvidence item : summary) {
            if (item.metrics().isEmpty()) {
                kept.add(item);
                continue;
            }
            List<ProposedMetric> own = item.metrics().stream()
                    .filter(m -> !stated.contains(new Key(m.kind(), m.value(), m.unit(), m.year())))
                    .toList();
            if (!own.isEmpty()) {
                kept.add(new ProposedEvidence(item.quote(), item.pillar(), item.assessment(), own.getFirst().year(), own,
                        null));
            }
        }
        return kept;
    }

    private static Optional<ProposedEvidence> item(String sentence, Pillar section, int reportYear) {
        List<ProposedMetric> metrics = MetricReader.read(sentence, reportYear);
        if (!metrics.isEmpty()) {
            Pillar pillar = section != null ? section : pillarOf(metrics.getFirst().kind());
            return Optional.of(new ProposedEvidence(sentence, pillar, Findings.assessFigures(sentence),
                    metrics.getFirst().year(), metrics, null));
        }
        Optional<Assessment> finding = Findings.assess(sentence);
        if (finding.isEmpty()) {
            return Optional.empty();
        }
        Pillar pillar = section != null ? section : Pillars.propose(sentence).stream().findFirst().orElse(null);
        return Optional.of(new ProposedEvidence(sentence, pillar, finding.get(), yearOf(sentence, reportYear),
                List.of(), null));
    }

    private static Optional<Pillar> summarisedSection(String sentence) {
        Matcher summary = SECTION_SUMMARY.matcher(sentence);
        if (!summary.find()) {
            return Optional.empty();
        }
        String pillar = summary.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(switch (pillar) {
            case "law enforcement", "prosecution" -> Pillar.PROSECUTION;
            case "protection" -> Pillar.PROTECTION;
            default -> Pillar.PREVENTION;
        });
    }

    private static Pillar pillarOf(MetricKind kind) {
        return switch (kind) {
            case CASES_INVESTIGATED, PROSECUTIONS, CONVICTIONS, OFFICIALS_TRAINED -> Pillar.PROSECUTION;
            case VICTIMS_IDENTIFIED, VICTIMS_REFERRED, HOTLINE_CALLS -> Pillar.PROTECTION;
            case BUDGET -> Pillar.PREVENTION;
        };
    }

    /**
     * A finding's year: the latest year it names that is not after the report's ("Unlike in 2020, … in early
     * 2022" is about 2022), else the reporting period's.
     */
    private static int yearOf(String sentence, int reportYear) {
        int latest = 0;
        Matcher year = YEAR.matcher(sentence);
        while (year.find()) {
            int named = Integer.parseInt(year.group());
            if (named <= reportYear) {
                latest = Math.max(latest, named);
            }
        }
        return latest == 0 ? reportYear - 1 : latest;
    }
}
