package org.rectrack.gateway.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the UI's labels, and how a request chooses one: the switch the reader set (a cookie) first, then
 * the browser's {@code Accept-Language} (RFC 9110, section 12.5.4, matched by RFC 4647 lookup), else English.
 */
public enum Language {
    EN("en", "English"),
    LO("lo", "ລາວ");

    /** The cookie the language switch sets. */
    public static final String COOKIE = "rectrack-lang";

    private final String tag;
    private final String name;

    Language(String tag, String name) {
        this.tag = tag;
        this.name = name;
    }

    /** The BCP 47 tag, as in {@code lang} attributes and message bundle file names. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, as the switch shows it. */
    public String nativeName() {
        return name;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of a tag exactly as the switch sends it ({@code en}, {@code lo}). */
    public static Optional<Language> ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language of a request.
     *
     * @param cookie         the switch's cookie value, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null; one that cannot be read counts as absent
     */
    public static Language choose(String cookie, String acceptLanguage) {
        Optional<Language> chosen = ofTag(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("en", "lo"));
            return match == null ? EN : ofTag(match).orElse(EN);
        } catch (IllegalArgumentException unreadable) {
            // A browser's header that cannot be parsed still gets a page, in the default language.
            return EN;
        }
    }
}
