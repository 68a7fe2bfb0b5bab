package org.rectrack.recommendations.importing.figures;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.rectrack.events.evidence.MetricKind;

/**
 * What a figure counts, read from the noun after it: "39 potential <b>cases</b>", "300 police
 * <b>officers</b>", "62 <b>girls</b>". Which metric kinds can count which things keeps a figure from
 * being read as the wrong kind: "convicted in five cases" is no count of convicted people.
 */
enum Counted {
    CASES("CASES", EnumSet.of(MetricKind.CASES_INVESTIGATED, MetricKind.PROSECUTIONS)),
    SUSPECTS("PERSONS", EnumSet.of(MetricKind.PROSECUTIONS, MetricKind.CONVICTIONS)),
    VICTIMS("PERSONS", EnumSet.of(MetricKind.VICTIMS_IDENTIFIED, MetricKind.VICTIMS_REFERRED)),
    REFERRALS("PERSONS", EnumSet.of(MetricKind.VICTIMS_REFERRED)),
    OFFICIALS("PERSONS", EnumSet.of(MetricKind.OFFICIALS_TRAINED)),
    CALLS("CALLS", EnumSet.of(MetricKind.HOTLINE_CALLS));

    private static final Map<String, Counted> NOUNS = Map.ofEntries(
            Map.entry("case", CASES), Map.entry("cases", CASES), Map.entry("investigation", CASES),
            Map.entry("investigations", CASES), Map.entry("prosecution", CASES), Map.entry("prosecutions", CASES),
            Map.entry("trafficker", SUSPECTS), Map.entry("traffickers", SUSPECTS), Map.entry("suspect", SUSPECTS),
            Map.entry("conviction", SUSPECTS), Map.entry("perpetrators", SUSPECTS), Map.entry("suspects", SUSPECTS),
            Map.entry("defendants", SUSPECTS), Map.entry("offenders", SUSPECTS), Map.entry("individuals", SUSPECTS),
            Map.entry("persons", SUSPECTS), Map.entry("people", SUSPECTS), Map.entry("convictions", SUSPECTS),
            Map.entry("victim", VICTIMS), Map.entry("victims", VICTIMS), Map.entry("survivors", VICTIMS),
            Map.entry("women", VICTIMS), Map.entry("girls", VICTIMS), Map.entry("men", VICTIMS),
            Map.entry("boys", VICTIMS), Map.entry("children", VICTIMS),
            Map.entry("referral", REFERRALS), Map.entry("referrals", REFERRALS),
            Map.entry("officers", OFFICIALS), Map.entry("officials", OFFICIALS), Map.entry("police", OFFICIALS),
            Map.entry("policemen", OFFICIALS), Map.entry("personnel", OFFICIALS), Map.entry("judges", OFFICIALS),
            Map.entry("prosecutors", OFFICIALS), Map.entry("investigators", OFFICIALS),
            Map.entry("inspectors", OFFICIALS), Map.entry("guards", OFFICIALS), Map.entry("diplomats", OFFICIALS),
            Map.entry("staff", OFFICIALS), Map.entry("participants", OFFICIALS), Map.entry("trainees", OFFICIALS),
            Map.entry("calls", CALLS));

    /** Nouns that are a count's kind by themselves: "60 referrals", "12 prosecutions", "one investigation". */
    private static final Map<String, MetricKind> SELF_NAMING = Map.ofEntries(
            Map.entry("investigation", MetricKind.CASES_INVESTIGATED),
            Map.entry("investigations", MetricKind.CASES_INVESTIGATED),
            Map.entry("prosecution", MetricKind.PROSECUTIONS),
            Map.entry("prosecutions", MetricKind.PROSECUTIONS),
            Map.entry("conviction", MetricKind.CONVICTIONS),
            Map.entry("convictions", MetricKind.CONVICTIONS),
            Map.entry("referral", MetricKind.VICTIMS_REFERRED),
            Map.entry("referrals", MetricKind.VICTIMS_REFERRED),
            Map.entry("calls", MetricKind.HOTLINE_CALLS));

    /** Nouns that break a count down by sex and age, as in "including 30 adult women, 62 girls…". */
    private static final Set<String> BREAKDOWNS = Set.of("women", "girls", "men", "boys", "children");

    final String unit;
    private final Set<MetricKind> kinds;

    Counted(String unit, Set<MetricKind> kinds) {
        this.unit = unit;
        this.kinds = kinds;
    }

    static Counted byNoun(String noun) {
        return NOUNS.get(noun);
    }

    static MetricKind selfNamed(String noun) {
        return SELF_NAMING.get(noun);
    }

    static boolean isBreakdown(String noun) {
        return BREAKDOWNS.contains(noun);
    }

    boolean canBe(MetricKind kind) {
        return kinds.contains(kind);
    }
}
