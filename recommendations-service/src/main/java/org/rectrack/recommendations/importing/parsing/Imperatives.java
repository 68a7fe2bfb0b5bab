package org.rectrack.recommendations.importing.parsing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectrack.recommendations.importing.text.ReportText;

/**
 * Tells whether a piece of text opens like a recommendation: with a verb in the imperative
 * ("Increase…", "Vigorously investigate…", "and boost…").
 *
 * <p>This is how the list parsers know where a list ends and where a semicolon or a full stop separates two
 * recommendations: the narrative around a list is written in the past tense about the government
 * ("The government increased…", "Authorities did not…"), and the clauses of a list inside one
 * recommendation start with nouns ("Lao labor migrants returning…").
 *
 * <p>No list of verbs can be complete, so a word is taken for a verb in two ways. The verbs TIP reports
 * usually open recommendations with are known. Any other word is taken for one unless something marks it as
 * another part of speech: it is a function word (articles, pronouns, prepositions, conjunctions, auxiliaries,
 * a closed class in English grammar); its ending is a noun's, an adjective's or an inflected verb's
 * ("-s", "-ed", "-ing", "-tion"…); the next word is a finite verb, so it is a subject ("Police
 * investigated…"); or the text it comes from uses it as a noun or a name. For the last, {@link #of(ReportText)}
 * reads the whole text: a word that follows an article or a preposition there ("of migrant workers") is a
 * noun or an adjective, and a word written with a capital in mid-sentence ("in St. Maarten") is a name.
 */
public final class Imperatives {

    /** What a text that has not been read (one sentence of a narrative, say) can tell about its words: nothing. */
    public static final Imperatives ANY_TEXT = new Imperatives(Set.of(), Set.of());

    private static final Set<String> VERBS = Set.of(
            "abolish", "accede", "accept", "address", "adopt", "afford", "allocate", "allow", "amend", "appoint",
            "apply", "approve", "assess", "assign", "assist", "audit", "ban", "bring", "build", "cease", "certify",
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
            "require", "resource", "respect", "restore", "resume", "revise", "revoke", "sanction", "screen", "seek", "sentence",
            "share", "sign", "staff", "standardize", "stop", "strengthen", "streamline", "submit", "support",
            "sustain", "take", "target", "track", "train", "undertake", "update", "use", "verify", "waive", "work");

    /** Function words: a closed class, unlike verbs, so a list of them can be complete. None opens an imperative. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "its", "it", "their", "them", "they", "his", "her",
            "he", "she", "we", "our", "us", "you", "your", "i", "my", "who", "whom", "whose", "which", "what",
            "some", "any", "all", "each", "every", "no", "none", "many", "much", "more", "most", "few", "fewer",
            "less", "several", "both", "either", "neither", "such", "other", "another", "same", "own",
            "in", "on", "at", "by", "for", "from", "of", "to", "with", "within", "without", "into", "onto", "upon",
            "about", "above", "below", "under", "over", "through", "throughout", "during", "before", "after",
            "since", "until", "among", "amongst", "between", "against", "across", "along", "around", "beyond",
            "despite", "toward", "towards", "via", "per", "unlike", "like", "as", "than", "and", "or", "but",
            "nor", "yet", "so", "if", "because", "although", "though", "while", "whereas", "whether", "unless",
            "not", "be", "is", "are", "was", "were", "been", "has", "have", "had", "do", "does", "did", "can",
            "could", "may", "might", "must", "shall", "should", "will", "would", "only", "even", "just", "very",
            "however", "therefore", "thus", "then", "now", "there", "here", "where", "when", "how", "why",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    /** Endings of plural nouns, third persons, participles, nouns and adjectives: no imperative ends so. */
    private static final Pattern OTHER_PART_OF_SPEECH = Pattern.compile(
            ".*(?:[^su]s|ed|ing|tion|sion|ness|ity|ous|ic|ical|ese|ian|ful|ism)");
    /** Words after which the word that follows is a noun or an adjective, never an imperative. */
    private static final Set<String> NOUN_MARKERS = Set.of(
            "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "of", "in", "on",
            "at", "by", "for", "from", "with", "within", "into", "among", "between", "against", "about", "through",
            "during", "including", "such", "other", "all", "any", "more", "most", "some", "many", "several");
    /** Words that make an opening verb a noun instead: "Increase in…", "Support was…", "Work of…". */
    private static final Set<String> NOUN_FOLLOWERS = Set.of(
            "of", "in", "was", "were", "is", "are", "has", "had", "have", "remained", "remains", "did", "does");

    /** A leading "and" or "or" of the last item in a list, a list sign or number. */
    private static final Pattern LEAD = Pattern.compile("^(?:(?:and|or)\\s+|[•●▪◦‣∙■►➢]\\s*|\\(?\\d{1,2}[.)]\\s+)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LEADS = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}’'-]+");
    private static final Pattern WORD_OR_STOP = Pattern.compile("[\\p{L}’'-]+|[.!?:;•]");
    /** "In partnership with civil society, train…": a leading phrase closed by a comma. */
    private static final Set<String> LEADING_PREPOSITIONS = Set.of("in", "with", "through", "while", "when", "as");
    private static final int MAX_LEADING_PHRASE = 120;
    /** How far into a text its opening verb is looked for. */
    private static final int OPENING = 200;

    private final Set<String> nominals;
    private final Set<String> names;

    private Imperatives(Set<String> nominals, Set<String> names) {
        this.nominals = nominals;
        this.names = names;
    }

    /** What this text says about its words: which it uses as nouns or adjectives, which as names. */
    public static Imperatives of(ReportText text) {
        Set<String> nominals = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String paragraph : text.paragraphs()) {
            if (ReportText.isCapitalsHeading(paragraph)) {
                continue;
            }
            Matcher token = WORD_OR_STOP.matcher(paragraph);
            String previous = null;
            boolean sentenceStart = true;
            while (token.find()) {
                String word = token.group();
                if (!Character.isLetter(word.charAt(0))) {
                    sentenceStart = true;
                    previous = null;
                    continue;
                }
                String lower = word.toLowerCase(Locale.ROOT);
                if (previous != null && NOUN_MARKERS.contains(previous)) {
                    nominals.add(lower);
                }
                if (!sentenceStart && Character.isUpperCase(word.charAt(0))) {
                    names.add(lower);
                }
                previous = lower;
                sentenceStart = false;
            }
        }
        return new Imperatives(Set.copyOf(nominals), Set.copyOf(names));
    }

    /** Whether the text opens with an imperative, in any case: a paragraph, a bullet item, a sentence. */
    public static boolean opensWithImperative(String text) {
        return ANY_TEXT.opens(text, false);
    }

    /**
     * Whether the text opens with an imperative.
     *
     * @param inSentence the text continues a sentence (after a semicolon), where an imperative is written in
     *                   lower case and a capital marks a name ("; Lao labor migrants…"); a known verb is taken
     *                   in either case
     */
    public boolean opens(String text, boolean inSentence) {
        String rest = withoutLead(text.length() > OPENING ? text.substring(0, OPENING) : text);
        Matcher words = WORD.matcher(rest);
        if (!words.find()) {
            return false;
        }
        String first = words.group().toLowerCase(Locale.ROOT);
        if (LEADING_PREPOSITIONS.contains(first)) {
            int comma = rest.indexOf(',');
            return comma > 0 && comma < MAX_LEADING_PHRASE && opensWithVerb(rest.substring(comma + 1), inSentence);
        }
        return opensWithVerb(rest, inSentence);
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

    private boolean opensWithVerb(String text, boolean inSentence) {
        Matcher words = WORD.matcher(text);
        String written = null;
        String word = null;
        // adverbs before the verb: "Vigorously investigate", "Further reduce", "Also train"
        while (words.find()) {
            written = words.group();
            word = written.toLowerCase(Locale.ROOT);
            if (!(word.endsWith("ly") || word.equals("further") || word.equals("also")) || VERBS.contains(word)) {
                break;
            }
        }
        if (word == null) {
            return false;
        }
        String next = words.find() ? words.group().toLowerCase(Locale.ROOT) : "";
        if (NOUN_FOLLOWERS.contains(next)) {
            return false;
        }
        if (VERBS.contains(word)) {
            return true;
        }
        return isVerbLike(written, word, next, inSentence);
    }

    private boolean isVerbLike(String written, String word, String next, boolean inSentence) {
        boolean capital = Character.isUpperCase(written.charAt(0));
        boolean allCapitals = written.equals(written.toUpperCase(Locale.ROOT));
        return !(inSentence && capital)
                && !allCapitals
                && word.length() > 1
                && !FUNCTION_WORDS.contains(word)
                && !OTHER_PART_OF_SPEECH.matcher(word).matches()
                && !nominals.contains(word)
                && !names.contains(word)
                && !isFiniteVerb(next);
    }

    /** "Police investigated…", "Officials reported…": the word before a past tense is its subject. */
    private static boolean isFiniteVerb(String word) {
        return word.length() > 3 && word.endsWith("ed") && !word.endsWith("eed");
    }
}
