package org.rectrack.recommendations.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.recommendations.importing.parsing.CountryNames;

/**
 * Whole reports made from the seeds, for the import benchmark: a year's TIP Report holds about 188 country narratives,
 * about 5 MB of text. Each narrative is the 2023 Laos chapter (heading, introduction, 11 prioritized recommendations)
 * under another country's name and one of five years, followed by the prose of the 2022 Laos chapter (prosecution,
 * protection, prevention, with their figures) under the same name, cut at a paragraph to the size a chapter has.
 */
final class WholeReports {

    private static final String LAOS_2023 = Seeds.read(Seeds.REPORT_2023);
    private static final String PROSE_2022 = prose(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022));

    private WholeReports() {
    }

    /**
     * @param narratives how many countries' narratives, at most as many as the JDK and the parser both name
     * @param bytes      about how many bytes of UTF-8 text in all
     * @return the report's text, its narratives one after the other
     */
    static String of(int narratives, int bytes) {
        List<String> names = new ArrayList<>(countryNames().values());
        if (names.size() < narratives) {
            throw new IllegalArgumentException("only " + names.size() + " country names are known to both");
        }
        int proseLength = Math.max(0, bytes / narratives - LAOS_2023.length());
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < narratives; i++) {
            String name = names.get(i);
            String upper = name.toUpperCase(Locale.ROOT);
            String year = Integer.toString(2019 + i % 5);
            String chapter = LAOS_2023.replace("LAOS (Tier 2)", upper + " (Tier 2)").replace("2023", year)
                    .replace("Laos", name);
            String prose = upTo(PROSE_2022, proseLength).replace("LAOS", upper).replace("Laos", name);
            report.append(chapter.strip()).append("\n\n").append(prose).append("\n\n");
        }
        return report.toString();
    }

    /** Country names in English (as the JDK gives them) that the parser reads as a country, by code, Laos excepted. */
    private static Map<String, String> countryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String twoLetter : Locale.getISOCountries()) {
            String name = Locale.of("", twoLetter).getDisplayCountry(Locale.ENGLISH);
            if (!name.matches("[A-Za-z .'-]+")) {
                continue;
            }
            CountryNames.code(name.toUpperCase(Locale.ROOT)).filter(code -> !code.equals("LAO"))
                    .ifPresent(code -> names.putIfAbsent(code, name));
        }
        return names;
    }

    /** The 2022 chapter from its prosecution section on: prose with figures, no heading, no recommendations. */
    private static String prose(String seed) {
        return seed.substring(seed.indexOf("PROSECUTION The government")).strip();
    }

    /** The text up to the last paragraph end within {@code length} characters. */
    private static String upTo(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = text.lastIndexOf("\n\n", length);
        return text.substring(0, end < 0 ? length : end);
    }
}
