package org.rectrack.recommendations.importing.parsing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes the groups of people a recommendation names ("men, boys, and LGBTQI+ victims"), in the
 * order the text names them; an admin corrects them when they are wrong.
 */
public final class TargetGroups {

    /** Group label → the wordings that name it. A label is what an admin filters by, so keep it short. */
    private static final Map<String, Pattern> WORDING = Map.ofEntries(
            group("men", "men"),
            group("boys", "boys"),
            group("women", "women"),
            group("girls", "girls"),
            group("children", "children", "child victims", "minors"),
            group("LGBTQI+", "LGBTQI\\+?", "LGBTI\\+?", "LGBT\\+?", "transgender"),
            group("migrant workers", "migrant workers", "labor migrants", "labour migrants", "returning migrants",
                    "migrants"),
            group("foreign workers", "foreign workers", "foreign nationals"),
            group("North Korean workers", "North Korean workers"),
            group("domestic workers", "domestic workers"),
            group("fishermen", "fishermen", "fishers"),
            group("refugees", "refugees", "asylum[- ]seekers"),
            group("displaced communities", "communities displaced", "displaced communities", "displaced persons"),
            group("people in commercial sex", "individuals in commercial sex", "people in commercial sex",
                    "persons in commercial sex", "sex workers"),
            group("ethnic minorities", "ethnic minorit\\w+", "indigenous"),
            group("persons with disabilities", "persons with disabilities", "people with disabilities"));

    private TargetGroups() {
    }

    public static List<String> propose(String text) {
        record Found(String group, int at) {
        }
        List<Found> found = new ArrayList<>();
        WORDING.forEach((group, wording) -> {
            Matcher matcher = wording.matcher(text);
            if (matcher.find()) {
                found.add(new Found(group, matcher.start()));
            }
        });
        return found.stream()
                .sorted(Comparator.comparingInt(Found::at).thenComparing(Found::group))
                .map(Found::group)
                .toList();
    }

    private static Map.Entry<String, Pattern> group(String label, String... wordings) {
        // (?<![\w-]) so "men" is not found in "women" nor in "-men"; (?![\w]) so not in "mentor"
        return Map.entry(label, Pattern.compile("(?<![\\w-])(?:" + String.join("|", wordings) + ")(?!\\w)",
                Pattern.CASE_INSENSITIVE));
    }
}
