package org.rectrack.recommendations.importing.figures;

import java.math.BigDecimal;

/**
 * One piece of a sentence as the figure reader sees it.
 *
 * @param word     the word in lower case, or the punctuation sign; for numbers the text as written
 * @param value    for a number, a year or an amount: its value (a range's lower bound)
 * @param currency for an amount of money: LAK, USD…
 */
record Token(Type type, String word, BigDecimal value, String currency) {

    enum Type { WORD, PUNCTUATION, NUMBER, YEAR, YEAR_RANGE, MONEY }

    static Token word(String word) {
        return new Token(Type.WORD, word, null, null);
    }

    static Token punctuation(String sign) {
        return new Token(Type.PUNCTUATION, sign, null, null);
    }

    static Token number(Type type, String text, BigDecimal value) {
        return new Token(type, text, value, null);
    }

    static Token money(BigDecimal value, String currency) {
        return new Token(Type.MONEY, value.toPlainString(), value, currency);
    }

    boolean is(Type type) {
        return this.type == type;
    }

    boolean isWord(String text) {
        return type == Type.WORD && word.equals(text);
    }

    boolean isPunctuation(String sign) {
        return type == Type.PUNCTUATION && word.equals(sign);
    }

    /** A clause ends at a comma or semicolon: a figure's cue and year are looked for within it. */
    boolean endsClause() {
        return type == Type.PUNCTUATION && (word.equals(",") || word.equals(";") || word.equals(":"));
    }
}
