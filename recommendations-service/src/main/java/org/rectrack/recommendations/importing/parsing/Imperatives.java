package org.rectrack.recommendations.importing.parsing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a piece of text opens like a recommendation: with a verb in the imperative
 * ("Increase…", "Vigorously investigate…", "and train…").
 *
 * <p>This is how the list parsers know where a list ends and where a semicolon separates two
 * recommendations: the narrative around a list is written in the past tense about the government
 * ("The government increased…", "Authorities did not…"), and the clauses of a list inside one
 * recommendation start with nouns ("Lao labor migrants returning…"). The verbs are the ones TIP
 * reports open recommendations with; a verb missing here ends a list early, so the list is generous.
 */
public final class Imperatives {

    private static final Set<String> VERBS = Set.of(
            "abolish", "accede", "accept", "address", "adopt", "afford", "allocate", "allow", "amend", "appoint",
            "apply", "approve", "assess", "assign", "assist", "audit", "ban", "build", "cease", "certify",
            "clarify", "codify", "collaborate", "collect", "combat", "compile", "complete", "conduct", "consider",
            "consult", "continue", "convict", "coordinate", "create", "criminalize", "criminalise", "dedicate",
            "deliver", "designate", "develop", "direct", "disaggregate", "disseminate", "document", "draft",
            "educate", "eliminate", "empower", "enable", "enact", "encourage", "end", "enforce", "engage",
            "enhance", "ensure", "equip", "establish", "evaluate", "exempt", "expand", "expedite", "extend",
            "facilitate", "finalize", "finalise", "formalize", "formalise", "fund", "grant", "halt", "harmonize",
            "help", "hire", "hold", "identify", "implement", "improve", "incentivize", "include", "increase",
            "incorporate", "inform", "initiate", "inspect", "institute", "institutionalize", "integrate",
            "introduce", "investigate", "issue", "launch", "lift", "maintain", "make", "mandate", "monitor",
            "negotiate", "offer", "operationalize", "oversee", "partner", "pass", "penalize", "permit", "prevent",
            "prioritize", "prioritise", "prohibit", "promote", "prosecute", "protect", "provide",
            "publicize", "publicise", "publish", "punish", "pursue", "raise", "ratify", "reduce", "refer",
            "refrain", "reform", "regulate", "reinforce", "release", "remove", "renew", "repatriate", "report",
            "require", "resource", "respect", "restore", "resume", "revise", "revoke", "screen", "seek", "share",
            "sign", "staff", "standardize", "stop", "strengthen", "streamline", "submit", "support", "sustain",
            "take", "target", "track", "train", "undertake", "update", "use", "verify", "waive", "work");

    /** Words that make an opening verb a noun instead: "Increase in…", "Support was…", "Work of…". */
    private static final Set<String> NOUN_FOLLOWERS = Set.of(
            "of", "in", "was", "were", "is", "are", "has", "had", "have", "remained", "remains", "did", "does");

    /** A leading "and" or "or" of the last item in a list, a list sign or number. */
    private static final Pattern LEAD = Pattern.compile("^(?:(?:and|or)\\s+|[•●▪◦‣∙■►➢]\\s*|\\(?\\d{1,2}[.)]\\s+)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LEADS = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}’'-]+");
    /** "In partnership with civil society, train…": a leading phrase closed by a comma. */
    private static final Set<String> LEADING_PREPOSITIONS = Set.of("in", "with", "through", "while", "when", "as");
    private static final int MAX_LEADING_PHRASE = 120;

    private Imperatives() {
    }

    public static boolean opensWithImperative(String text) {
        String rest = withoutLead(text);
        Matcher words = WORD.matcher(rest);
        if (!words.find()) {
            return false;
        }
        String first = words.group().toLowerCase(Locale.ROOT);
        if (LEADING_PREPOSITIONS.contains(first)) {
            int comma = rest.indexOf(',');
            return comma > 0 && comma < MAX_LEADING_PHRASE && opensWithVerb(rest.substring(comma + 1));
        }
        return opensWithVerb(rest);
    }

    /** The text without its leading list sign, number or "and"; a bounded loop, so no input can overflow the stack. */
    static String withoutLead(String text) {
        String rest = text.strip();
        for (int i = 0; i < MAX_LEADS; i++) {
            Matcher lead = LEAD.matcher(rest);
            if (!lead.find()) {
                break;
            }
            rest = rest.substring(lead.end()).strip();
        }
        return rest;
    }

    private static boolean opensWithVerb(String text) {
        Matcher words = WORD.matcher(text);
        String word = null;
        // adverbs before the verb: "Vigorously investigate", "Further reduce", "Also train"
        while (words.find()) {
            word = words.group().toLowerCase(Locale.ROOT);
            if (!(word.endsWith("ly") || word.equals("further") || word.equals("also")) || VERBS.contains(word)) {
                break;
            }
        }
        if (word == null || !VERBS.contains(word)) {
            return false;
        }
        return !(words.find() && NOUN_FOLLOWERS.contains(words.group().toLowerCase(Locale.ROOT)));
    }
}
