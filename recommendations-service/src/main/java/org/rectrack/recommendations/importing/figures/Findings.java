package org.rectrack.recommendations.importing.figures;

import java.util.Optional;
import java.util.regex.Pattern;

import org.rectrack.events.evidence.Assessment;

/**
 * Tells the sentences that report a government's lack of progress ("Courts did not convict any
 * traffickers") or a step back ("Authorities identified fewer victims") from the rest.
 *
 * <p>Only sentences about the government's own action count: "many workers did not understand the
 * contracts" is about workers. The report's yearly formula "does not fully meet the minimum standards"
 * is the tier's reason, not a finding about one recommendation, and "was not contingent upon" is praise.
 */
final class Findings {

    private static final Pattern SETBACK = Pattern.compile(
            "\\b(?:fewer\\s+(?:\\w+\\s+)?(?:victims|investigations|prosecutions|convictions|cases|traffickers|officials|referrals)"
                    + "|decreas(?:e|ed|es|ing)|declin(?:e|ed|ing)\\s+(?:in|from|to)|downgraded|weakened|exacerbated|reduced\\s+(?:its|funding))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_PROGRESS = Pattern.compile(
            "\\b(?:(?:did|does|do|has|have|had|was|were|is|are)\\s+not|failed\\s+to|not\\s+yet|never"
                    + "|remained\\s+(?:low|limited|insufficient|inadequate|weak|unavailable|unclear)"
                    + "|unavailable|lacked|delayed|no\\s+(?:investigations|prosecutions|convictions|data|funding|budget|efforts))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GOVERNMENT = Pattern.compile(
            "\\b(?:government|authorities|officials|courts?|police|ministry|ministries|MLSW|MOFA|MOH|ATD|OSPP|LWU"
                    + "|prosecutors|judges|officers|services|hotlines?|shelters?|task\\s+force)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_FINDING = Pattern.compile(
            "minimum standards|not\\s+contingent|not\\s+penali[sz]ed|not\\s+punished|not\\s+detained",
            Pattern.CASE_INSENSITIVE);

    private Findings() {
    }

    /** A sentence without figures: a setback, no progress, or no finding at all. */
    static Optional<Assessment> assess(String sentence) {
        if (NOT_A_FINDING.matcher(sentence).find() || !GOVERNMENT.matcher(sentence).find()) {
            return Optional.empty();
        }
        if (SETBACK.matcher(sentence).find()) {
            return Optional.of(Assessment.SETBACK);
        }
        return NO_PROGRESS.matcher(sentence).find() ? Optional.of(Assessment.NO_PROGRESS) : Optional.empty();
    }

    /** A sentence with figures: they show a step back when it says so, else they show the work done. */
    static Assessment assessFigures(String sentence) {
        return SETBACK.matcher(sentence).find() ? Assessment.SETBACK : Assessment.ADVANCES;
    }
}
