package org.rectrack.recommendations.importing.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rectrack.events.recommendations.Pillar;

/**
 * Proposes the pillars a text is about from its wording; an admin corrects them when they are wrong.
 *
 * <p>Word stems rather than whole words, so that "prosecute", "prosecutions" and "prosecutors" all
 * count. A text may name several pillars ("transnational collaboration on investigations").
 */
public final class Pillars {

    private static final Map<Pillar, Pattern> WORDING = Map.of(
            Pillar.PROSECUTION, words("investigat", "prosecut", "convict", "penalt", "sentenc", "complicit",
                    "penal code", "criminal", "punish", "judges", "courts?\\b"),
            Pillar.PROTECTION, words("victim", "protect", "shelter", "referr", "refer\\b", "identif", "screen",
                    "services", "assist", "reintegrat", "repatriat", "compensation", "indicators", "survivor"),
            Pillar.PREVENTION, words("prevent", "awareness", "recruit", "labor migration", "migration", "fees",
                    "hotline", "publiciz", "campaign", "birth registration", "demand for commercial sex", "action plan"),
            Pillar.PARTNERSHIP, words("collaborat", "cooperat", "partnership", "transnational", "bilateral",
                    "international organi[sz]ation", "civil society", "ngos?\\b", "memorand", "mous?\\b"));

    private Pillars() {
    }

    /** The pillars the wording points to, in the order of the enum; empty when it names none. */
    public static List<Pillar> propose(String text) {
        List<Pillar> pillars = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            if (WORDING.get(pillar).matcher(text).find()) {
                pillars.add(pillar);
            }
        }
        return pillars;
    }

    private static Pattern words(String... stems) {
        return Pattern.compile("\\b(?:" + String.join("|", stems) + ")", Pattern.CASE_INSENSITIVE);
    }
}
