package org.rectrack.recommendations.importing.parsing;

import org.rectrack.events.recommendations.Tier;

/**
 * What the importing admin says about a text that may not say it itself (an excerpt without its
 * heading); each is null when not given. Where the text says it too, both must agree.
 */
public record ReportHints(String country, Integer year, Tier tier) {

    public static final ReportHints NONE = new ReportHints(null, null, null);
}
