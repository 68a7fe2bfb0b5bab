package org.rectrack.recommendations.importing.parsing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names as reports write them, to ISO 3166-1 alpha-3 codes.
 *
 * <p>The JDK's English display names cover most countries; the aliases cover the names the TIP Report
 * uses that differ from them (it still says Burma, and writes "Korea, North").
 */
public final class CountryNames {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("burma", "MMR"),
            Map.entry("lao pdr", "LAO"),
            Map.entry("lao people's democratic republic", "LAO"),
            Map.entry("ivory coast", "CIV"),
            Map.entry("cote d'ivoire", "CIV"),
            Map.entry("democratic republic of the congo", "COD"),
            Map.entry("congo, democratic republic of the", "COD"),
            Map.entry("drc", "COD"),
            Map.entry("republic of the congo", "COG"),
            Map.entry("congo, republic of the", "COG"),
            Map.entry("korea, north", "PRK"),
            Map.entry("dprk", "PRK"),
            Map.entry("democratic people's republic of korea", "PRK"),
            Map.entry("north korea", "PRK"),
            Map.entry("korea, south", "KOR"),
            Map.entry("republic of korea", "KOR"),
            Map.entry("bahamas, the", "BHS"),
            Map.entry("gambia, the", "GMB"),
            Map.entry("cabo verde", "CPV"),
            Map.entry("swaziland", "SWZ"),
            Map.entry("east timor", "TLS"),
            Map.entry("turkey", "TUR"),
            Map.entry("czech republic", "CZE"),
            Map.entry("macedonia", "MKD"),
            Map.entry("federated states of micronesia", "FSM"),
            Map.entry("micronesia, federated states of", "FSM"),
            Map.entry("kyrgyz republic", "KGZ"),
            Map.entry("hong kong", "HKG"),
            Map.entry("macau", "MAC"),
            Map.entry("macao", "MAC"),
            Map.entry("saint maarten", "SXM"),
            Map.entry("sint maarten", "SXM"),
            Map.entry("curacao", "CUW"),
            Map.entry("timor-leste", "TLS"),
            Map.entry("eswatini", "SWZ"),
            Map.entry("north macedonia", "MKD"),
            Map.entry("czechia", "CZE"),
            Map.entry("turkiye", "TUR"),
            Map.entry("bosnia and herzegovina", "BIH"),
            Map.entry("congo (kinshasa)", "COD"),
            Map.entry("congo (brazzaville)", "COG"),
            Map.entry("taiwan", "TWN"),
            Map.entry("united states of america", "USA"),
            Map.entry("united states", "USA"),
            Map.entry("united kingdom", "GBR"),
            Map.entry("vatican city", "VAT"),
            Map.entry("holy see", "VAT"),
            Map.entry("saint vincent and the grenadines", "VCT"),
            Map.entry("sao tome and principe", "STP"),
            Map.entry("brunei darussalam", "BRN"),
            Map.entry("syria", "SYR"),
            Map.entry("iran", "IRN"),
            Map.entry("russia", "RUS"),
            Map.entry("vietnam", "VNM"),
            Map.entry("viet nam", "VNM"),
            Map.entry("palestine", "PSE"));

    private static final Map<String, String> CODES = build();

    private CountryNames() {
    }

    /** The alpha-3 code of a country name in any common spelling and case, if it names one. */
    public static Optional<String> code(String name) {
        return Optional.ofNullable(CODES.get(normalise(name)));
    }

    /** The English name the JDK gives a code, for messages: {@code LAO} → Laos. */
    public static String name(String code) {
        for (String twoLetter : Locale.getISOCountries()) {
            Locale country = Locale.of("", twoLetter);
            if (country.getISO3Country().equals(code)) {
                return country.getDisplayCountry(Locale.ENGLISH);
            }
        }
        return code;
    }

    private static Map<String, String> build() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOCountries()) {
            Locale country = Locale.of("", twoLetter);
            String display = country.getDisplayCountry(Locale.ENGLISH);
            String code = country.getISO3Country();
            codes.put(normalise(display), code);
            // "Myanmar (Burma)": both the name and the one in brackets are names of the country
            int bracket = display.indexOf(" (");
            if (bracket > 0) {
                codes.put(normalise(display.substring(0, bracket)), code);
                codes.put(normalise(display.substring(bracket + 2, display.length() - 1)), code);
            }
        }
        ALIASES.forEach((alias, code) -> codes.put(normalise(alias), code));
        return Map.copyOf(codes);
    }

    /** Lower case, no accents, one kind of apostrophe, "&" and "St." spelled out, no leading "the". */
    static String normalise(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replace("&", " and ")
                .replaceAll("\\bst\\.\\s*", "saint ")
                .replaceAll("[\\s\\-–]+", " ")
                .strip();
        plain = plain.replaceAll("[.;:]+$", "").strip();
        return plain.startsWith("the ") ? plain.substring(4) : plain;
    }
}
