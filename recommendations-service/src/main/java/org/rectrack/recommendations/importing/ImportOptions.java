package org.rectrack.recommendations.importing;

import java.time.LocalDate;

import org.rectrack.recommendations.importing.parsing.ReportHints;

/**
 * How to import a text: what the admin says about it, and whether to write it.
 *
 * @param publisher   whose report it is; the TIP Report's publisher unless given
 * @param sourceUrl   where the text was taken from, or null
 * @param publishedOn when the report was published, or null
 * @param dryRun      read and propose only, write nothing
 */
public record ImportOptions(ReportHints hints, String publisher, String sourceUrl, LocalDate publishedOn, boolean dryRun) {
}
