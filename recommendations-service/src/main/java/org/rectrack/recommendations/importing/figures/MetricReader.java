package org.rectrack.recommendations.importing.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.rectrack.events.evidence.MetricKind;
import org.rectrack.recommendations.importing.figures.Segments.Segment;
import org.rectrack.recommendations.importing.figures.Token.Type;

/**
 * Reads the government's figures out of one sentence of a report's narrative.
 *
 * <p>A number becomes a figure when it counts something (the noun after it) and a word next to it says
 * what was done to what it counts: "<b>investigated</b> 39 potential <b>cases</b>", "300 police
 * <b>officers</b>" after "<b>training</b>", "142 <b>victims identified</b>". A number with no such word
 * is left out, however tempting: "Of these 39 cases" repeats a figure, "nine defendants" ordered to pay
 * compensation is none of the metric kinds. Two exceptions carry a kind over from the figure before:
 * breakdowns by sex and age ("including 30 adult women, 62 girls…") and comparisons
 * ("(compared with 21 cases … in 2020)").
 */
final class MetricReader {

    private static final Map<MetricKind, Pattern> CUES = cues();
    private static final Pattern BUDGET = Pattern.compile(
            "\\b(?:budget\\w*|fund(?:s|ing|ed)?|allocat\\w*|spent|expenditures?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOTLINE = Pattern.compile("\\bhotlines?\\b", Pattern.CASE_INSENSITIVE);
    /** How far from its number a cue may stand: "provided training on anti-trafficking laws to at least 300". */
    private static final int WORDS_BEFORE = 8;
    private static final int WORDS_AFTER = 3;
    /** "11 new labor and sex trafficking investigations": adjectives between a number and its noun. */
    private static final int NOUN_PHRASE_WORDS = 6;
    /**
     * Prepositions that make a number part of what the noun before them counts: "six individuals <b>from</b> two
     * investigations", "11 traffickers <b>in</b> five cases" state one figure, not two.
     */
    private static final Set<String> ATTACHING_PREPOSITIONS = Set.of("from", "in", "among", "across", "into", "within");
    /** Words no noun phrase goes past: "six provinces on victim identification" counts provinces, not victims. */
    private static final Set<String> PHRASE_ENDS = Set.of("on", "in", "to", "for", "with", "at", "from", "by", "into",
            "of", "the", "a", "an", "who", "which", "that", "was", "were", "is", "are", "had", "has", "have");

    private final int reportYear;
    private final List<Figure> figures = new ArrayList<>();

    /** A figure read so far, with what it counts, so that a breakdown or comparison after it can inherit its kind. */
    private record Figure(ProposedMetric metric, Counted counted) {
    }

    /** What a number counts: the noun's class and position, and the breakdown it names. */
    private record Noun(Counted counted, String word, int at, String sex, String ageGroup, String unit) {
    }

    private MetricReader(int reportYear) {
        this.reportYear = reportYear;
    }

    /** The figures a sentence states, in the order it states them; the report's year dates the undated ones. */
    static List<ProposedMetric> read(String sentence, int reportYear) {
        MetricReader reader = new MetricReader(reportYear);
        boolean aboutBudget = BUDGET.matcher(sentence).find();
        boolean aboutHotlines = HOTLINE.matcher(sentence).find();
        for (Segment segment : Segments.of(sentence)) {
            reader.readSegment(segment, aboutBudget, aboutHotlines);
        }
        return reader.figures.stream().map(Figure::metric).toList();
    }

    private void readSegment(Segment segment, boolean aboutBudget, boolean aboutHotlines) {
        List<Token> tokens = Tokens.of(segment.text());
        boolean[] totals = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is(Type.MONEY) && aboutBudget) {
                int year = yearOf(tokens, i, null);
                figures.add(new Figure(new ProposedMetric(MetricKind.BUDGET, token.value(), token.currency(), null,
                        null, year), null));
            } else if (token.is(Type.NUMBER) && !totals[i]) {
                readCount(segment, tokens, i, totals, aboutHotlines);
            }
        }
    }

    private void readCount(Segment segment, List<Token> tokens, int at, boolean[] totals, boolean aboutHotlines) {
        if (at >= 2 && tokens.get(at - 1).is(Type.WORD) && ATTACHING_PREPOSITIONS.contains(tokens.get(at - 1).word())
                && tokens.get(at - 2).is(Type.WORD) && Counted.byNoun(tokens.get(at - 2).word()) != null) {
            return;
        }
        int nounSearch = at + 1;
        // "21 of the 25 cases": 21 counts cases; 25 is the total it is taken from
        if (nounSearch < tokens.size() && tokens.get(nounSearch).isWord("of")) {
            nounSearch++;
            if (nounSearch < tokens.size() && (tokens.get(nounSearch).isWord("the") || tokens.get(nounSearch).isWord("these"))) {
                nounSearch++;
            }
            if (nounSearch < tokens.size() && tokens.get(nounSearch).is(Type.NUMBER)) {
                totals[nounSearch] = true;
                nounSearch++;
            }
        }
        Noun noun = nounFrom(tokens, nounSearch);
        if (noun == null) {
            return;
        }
        MetricKind kind = null;
        boolean cueSeen = false;
        for (int i = at - 1, words = 0; i >= 0 && words < WORDS_BEFORE && kind == null; i--) {
            Token token = tokens.get(i);
            if (token.endsClause() || token.is(Type.NUMBER) || token.is(Type.MONEY)) {
                break;
            }
            MetricKind cue = cueOf(token);
            cueSeen |= cue != null;
            kind = cue != null && noun.counted().canBe(cue) ? cue : null;
            words++;
        }
        for (int i = noun.at() + 1, words = 0; i < tokens.size() && words < WORDS_AFTER && kind == null; i++) {
            Token token = tokens.get(i);
            if (token.endsClause() || token.is(Type.NUMBER) || token.is(Type.MONEY)) {
                break;
            }
            MetricKind cue = cueOf(token);
            cueSeen |= cue != null;
            kind = cue != null && noun.counted().canBe(cue) ? cue : null;
            words++;
        }
        // "27 convictions" is convictions whatever the words around it say ("18 cases investigated and 27 convictions")
        if (kind == null) {
            kind = Counted.selfNamed(noun.word());
            if (kind == MetricKind.HOTLINE_CALLS && (!aboutHotlines || cueSeen)) {
                kind = null;
            }
        }
        Figure inherited = null;
        if (kind == null && !cueSeen && (segment.comparison() || Counted.isBreakdown(noun.word()))) {
            inherited = latestCounting(noun.counted());
            kind = inherited == null ? null : inherited.metric().kind();
        }
        if (kind == null) {
            return;
        }
        int year = yearOf(tokens, at, inherited);
        figures.add(new Figure(new ProposedMetric(kind, tokens.get(at).value(), noun.unit(), noun.sex(), noun.ageGroup(),
                year), noun.counted()));
    }

    private Noun nounFrom(List<Token> tokens, int from) {
        String ageGroup = null;
        String sex = null;
        for (int i = from; i < tokens.size() && i < from + NOUN_PHRASE_WORDS; i++) {
            Token token = tokens.get(i);
            if (!token.is(Type.WORD) || PHRASE_ENDS.contains(token.word())) {
                return null;
            }
            switch (token.word()) {
                case "adult" -> ageGroup = "ADULT";
                case "child", "minor" -> ageGroup = "CHILD";
                case "female" -> sex = "FEMALE";
                case "male" -> sex = "MALE";
                default -> {
                }
            }
            Counted counted = Counted.byNoun(token.word());
            if (counted != null) {
                Breakdown breakdown = Breakdown.of(token.word(), sex, ageGroup);
                // "women and girls": one count of both
                if (i + 2 < tokens.size() && tokens.get(i + 1).isWord("and") && Counted.isBreakdown(tokens.get(i + 2).word())) {
                    breakdown = breakdown.with(Breakdown.of(tokens.get(i + 2).word(), null, null));
                }
                return new Noun(counted, token.word(), i, breakdown.sex(), breakdown.ageGroup(), unit(counted, tokens, i));
            }
        }
        return null;
    }

    /** "15 calls per month", "60-100 calls a day": a rate, not a total. */
    private static String unit(Counted counted, List<Token> tokens, int noun) {
        if (counted == Counted.CALLS && noun + 2 < tokens.size()
                && (tokens.get(noun + 1).isWord("per") || tokens.get(noun + 1).isWord("a") || tokens.get(noun + 1).isWord("each"))) {
            String period = tokens.get(noun + 2).word();
            if (period.equals("month") || period.equals("day") || period.equals("week") || period.equals("year")) {
                return "CALLS_PER_" + period.toUpperCase(Locale.ROOT);
            }
        }
        return counted.unit;
    }

    private Figure latestCounting(Counted counted) {
        for (int i = figures.size() - 1; i >= 0; i--) {
            if (figures.get(i).counted() == counted) {
                return figures.get(i);
            }
        }
        return null;
    }

    /**
     * The year a figure is about: a year in its own clause ("… in 2020"), "the previous reporting period",
     * else the year of the figure it inherits from, the one year its statement (up to a semicolon) names,
     * and at last the report's reporting period, the year before the report's.
     */
    private int yearOf(List<Token> tokens, int at, Figure inherited) {
        for (Token token : around(tokens, at, Token::endsClause)) {
            if (token.is(Type.YEAR)) {
                return token.value().intValue();
            }
        }
        List<Token> clause = around(tokens, at, Token::endsClause);
        for (int i = 0; i + 1 < clause.size(); i++) {
            if ((clause.get(i).isWord("previous") || clause.get(i).isWord("prior"))
                    && (clause.get(i + 1).isWord("reporting") || clause.get(i + 1).isWord("year"))) {
                return reportYear - 2;
            }
        }
        if (inherited != null) {
            return inherited.metric().year();
        }
        TreeSet<Integer> years = new TreeSet<>();
        around(tokens, at, token -> token.isPunctuation(";")).stream().filter(token -> token.is(Type.YEAR))
                .forEach(token -> years.add(token.value().intValue()));
        return years.size() == 1 ? years.first() : reportYear - 1;
    }

    /** The tokens around a position up to the nearest boundary on each side. */
    private static List<Token> around(List<Token> tokens, int at, Predicate<Token> boundary) {
        int start = at;
        while (start > 0 && !boundary.test(tokens.get(start - 1))) {
            start--;
        }
        int end = at;
        while (end + 1 < tokens.size() && !boundary.test(tokens.get(end + 1))) {
            end++;
        }
        return tokens.subList(start, end + 1);
    }

    private static MetricKind cueOf(Token token) {
        if (!token.is(Type.WORD)) {
            return null;
        }
        for (Map.Entry<MetricKind, Pattern> cue : CUES.entrySet()) {
            if (cue.getValue().matcher(token.word()).matches()) {
                return cue.getKey();
            }
        }
        return null;
    }

    private static Map<MetricKind, Pattern> cues() {
        Map<MetricKind, Pattern> cues = new LinkedHashMap<>();
        cues.put(MetricKind.CASES_INVESTIGATED, Pattern.compile("investigat(?:e|ed|es|ing|ion|ions)"));
        cues.put(MetricKind.PROSECUTIONS, Pattern.compile("prosecut(?:e|ed|es|ing|ion|ions)|indicted|charged|proceedings"));
        cues.put(MetricKind.CONVICTIONS, Pattern.compile("convict(?:ed|ion|ions|s)?"));
        cues.put(MetricKind.VICTIMS_IDENTIFIED, Pattern.compile("identif(?:y|ied|ies|ying|ication)"));
        cues.put(MetricKind.VICTIMS_REFERRED, Pattern.compile(
                "refer(?:red|ral|rals|ring)?|provid(?:e|ed|es|ing)|assist(?:ed|ing|ance)?|shelter(?:ed|s)?|services"));
        cues.put(MetricKind.OFFICIALS_TRAINED, Pattern.compile("train(?:ed|ing|s)?"));
        return cues;
    }

    /** Sex and age group a noun names: "girls" is FEMALE and CHILD; "women and girls" is FEMALE. */
    private record Breakdown(String sex, String ageGroup) {

        static Breakdown of(String noun, String sex, String ageGroup) {
            return switch (noun) {
                case "women" -> new Breakdown("FEMALE", "ADULT");
                case "girls" -> new Breakdown("FEMALE", "CHILD");
                case "men" -> new Breakdown("MALE", "ADULT");
                case "boys" -> new Breakdown("MALE", "CHILD");
                case "children" -> new Breakdown(sex, "CHILD");
                default -> new Breakdown(sex, ageGroup);
            };
        }

        Breakdown with(Breakdown other) {
            return new Breakdown(same(sex, other.sex), same(ageGroup, other.ageGroup));
        }

        private static String same(String a, String b) {
            return a != null && a.equals(b) ? a : null;
        }
    }
}
