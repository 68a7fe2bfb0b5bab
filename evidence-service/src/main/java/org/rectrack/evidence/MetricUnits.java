package org.rectrack.evidence;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectrack.events.evidence.MetricKind;

/** Which unit fits which kind of figure: a count of people is not a count of cases, nor an amount of money. */
public final class MetricUnits {

    private static final Map<MetricKind, List<String>> COUNT_UNITS = new EnumMap<>(Map.of(
            MetricKind.CASES_INVESTIGATED, List.of("CASES"),
            MetricKind.PROSECUTIONS, List.of("CASES", "PERSONS"),
            MetricKind.CONVICTIONS, List.of("CASES", "PERSONS"),
            MetricKind.VICTIMS_IDENTIFIED, List.of("PERSONS"),
            MetricKind.VICTIMS_REFERRED, List.of("PERSONS"),
            MetricKind.OFFICIALS_TRAINED, List.of("PERSONS"),
            MetricKind.HOTLINE_CALLS, List.of("CALLS")));

    /** ISO 4217 codes of real currencies; XTS (testing) and XXX (no currency) are none. */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !code.equals("XTS") && !code.equals("XXX"))
            .collect(Collectors.toUnmodifiableSet());

    private MetricUnits() {
    }

    /** What is wrong with this unit for this kind, if anything. */
    public static Optional<String> unitProblem(MetricKind kind, String unit) {
        if (kind == MetricKind.BUDGET) {
            return CURRENCIES.contains(unit) ? Optional.empty()
                    : Optional.of("'" + unit + "' is not an ISO 4217 currency code such as LAK or USD, as BUDGET needs");
        }
        List<String> units = COUNT_UNITS.get(kind);
        return units.contains(unit) ? Optional.empty()
                : Optional.of("'" + unit + "' does not fit " + kind + "; use one of " + units);
    }

    /** Counts are whole numbers; only money has decimals. */
    public static Optional<String> valueProblem(MetricKind kind, BigDecimal value) {
        if (kind != MetricKind.BUDGET && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(kind + " is a count and must be a whole number");
        }
        return Optional.empty();
    }
}
