package org.rectrack.recommendations.importing.parsing;

import java.util.List;

import org.rectrack.events.recommendations.Tier;

/**
 * What a report's text says: which country, which year's report, the tier, and its recommendations
 * in printed order.
 *
 * @param notes what an admin should know about how the text was read, in plain words: a Special Case with no
 *              recommendations, further countries' narratives in the same text; empty when there is nothing
 */
public record ParsedReport(String country, int year, Tier tier, List<ParsedRecommendation> recommendations,
        List<String> notes) {

    public static final String PUBLISHER = "U.S. Department of State";

    public ParsedReport {
        recommendations = List.copyOf(recommendations);
        notes = List.copyOf(notes);
    }

    /** The title the State Department gives a country's chapter: "2023 Trafficking in Persons Report: Laos". */
    public String title() {
        return year + " Trafficking in Persons Report: " + CountryNames.name(country);
    }
}
