package org.rectrack.recommendations.importing.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectrack.recommendations.importing.figures.Token.Type;

/**
 * Cuts a sentence into words, numbers, years and amounts of money. Numbers may be written in words
 * ("five adult men"), with thousands separators ("4,000"), as ranges ("60-100 calls") or in millions
 * ("300 million Lao kip").
 */
final class Tokens {

    /**
     * A number: with thousands separators only in groups of three ("4,000"), so that the comma after "In 2016,"
     * stays the clause's end and the year a year.
     */
    private static final String NUMERAL = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern TOKEN = Pattern.compile(
            "\\$|" + NUMERAL + "(?:\\s?[-–]\\s?" + NUMERAL + ")?|\\p{L}[\\p{L}’'\\-]*|[,;:.()—]");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.of(
            "thousand", BigDecimal.valueOf(1_000), "million", BigDecimal.valueOf(1_000_000),
            "billion", BigDecimal.valueOf(1_000_000_000));
    private static final int FIRST_YEAR = 1950;
    private static final int LAST_YEAR = 2100;

    private Tokens() {
    }

    static List<Token> of(String sentence) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(sentence);
        while (matcher.find()) {
            String text = matcher.group();
            if (Character.isDigit(text.charAt(0))) {
                tokens.add(numeral(text));
            } else if (Character.isLetter(text.charAt(0))) {
                String word = text.toLowerCase(Locale.ROOT);
                Integer number = numberWord(word);
                tokens.add(number == null ? Token.word(word) : Token.number(Type.NUMBER, word, BigDecimal.valueOf(number)));
            } else {
                tokens.add(Token.punctuation(text));
            }
        }
        return money(millions(years(tokens)));
    }

    private static Token numeral(String text) {
        String[] bounds = text.split("\\s?[-–]\\s?");
        BigDecimal low = new BigDecimal(bounds[0].replace(",", ""));
        if (bounds.length == 2 && isYear(bounds[0]) && isYear(bounds[1])) {
            return Token.number(Type.YEAR_RANGE, text, low);
        }
        return Token.number(Type.NUMBER, text, low);
    }

    /** "twenty-five" as well as "five". */
    private static Integer numberWord(String word) {
        Integer whole = NUMBER_WORDS.get(word);
        int hyphen = word.indexOf('-');
        if (whole == null && hyphen > 0) {
            Integer tens = NUMBER_WORDS.get(word.substring(0, hyphen));
            Integer units = NUMBER_WORDS.get(word.substring(hyphen + 1));
            if (tens != null && units != null && tens >= 20 && units < 10) {
                return tens + units;
            }
        }
        return whole;
    }

    /** A four-digit number in the years' range is a year unless it counts something: "2019 victims". */
    private static List<Token> years(List<Token> tokens) {
        List<Token> result = new ArrayList<>(tokens);
        for (int i = 0; i < result.size(); i++) {
            Token token = result.get(i);
            boolean countsSomething = i + 1 < result.size() && result.get(i + 1).is(Type.WORD)
                    && Counted.byNoun(result.get(i + 1).word()) != null;
            if (token.is(Type.NUMBER) && isYear(token.word()) && !countsSomething) {
                result.set(i, Token.number(Type.YEAR, token.word(), token.value()));
            }
        }
        return result;
    }

    private static List<Token> millions(List<Token> tokens) {
        List<Token> result = new ArrayList<>();
        for (Token token : tokens) {
            Token previous = result.isEmpty() ? null : result.getLast();
            if (token.is(Type.WORD) && MULTIPLIERS.containsKey(token.word()) && previous != null
                    && previous.is(Type.NUMBER)) {
                result.set(result.size() - 1, Token.number(Type.NUMBER, previous.word() + " " + token.word(),
                        previous.value().multiply(MULTIPLIERS.get(token.word()))));
            } else {
                result.add(token);
            }
        }
        return result;
    }

    /** "300 million Lao kip" → 300000000 LAK; "$32,330" → 32330 USD; "5 million dollars" → USD. */
    private static List<Token> money(List<Token> tokens) {
        List<Token> result = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.word().equals("$") && i + 1 < tokens.size() && tokens.get(i + 1).is(Type.NUMBER)) {
                result.add(Token.money(tokens.get(i + 1).value(), "USD"));
                i++;
                continue;
            }
            if (token.is(Type.NUMBER)) {
                int next = i + 1;
                if (next < tokens.size() && tokens.get(next).isWord("lao")) {
                    next++;
                }
                if (next < tokens.size() && tokens.get(next).isWord("kip")) {
                    result.add(Token.money(token.value(), "LAK"));
                    i = next;
                    continue;
                }
                if (next < tokens.size() && tokens.get(next).isWord("dollars")) {
                    result.add(Token.money(token.value(), "USD"));
                    i = next;
                    continue;
                }
            }
            result.add(token);
        }
        return result;
    }

    private static boolean isYear(String digits) {
        if (digits.length() != 4 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int year = Integer.parseInt(digits);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
