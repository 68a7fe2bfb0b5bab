/**
 * Importing a TIP Report country chapter from its plain text ({@code POST /reports/import}), and a whole report, text or
 * PDF, as a job ({@code ImportJobs}: each country narrative imported on its own, as a one-country import is, and kept
 * with its answer; {@code GET /reports/import-jobs/{id}}).
 *
 * <ul>
 * <li>{@code parsing}: country, year, tier and the prioritized recommendations in printed order, in every
 * layout the report has used and in copies that lost their headings or list signs; a Special Case with none;
 * a text of several countries cut into their narratives ({@code NarrativeSplitter}, for a whole-report import).
 * Never throws, answers a report or every problem found.</li>
 * <li>{@code lineage}: which new recommendations continue earlier ones of the same country. Wordings are
 * compared as TF-IDF word-stem vectors; pairs at cosine 0.6 or more are linked, pairs from 0.3 are kept
 * (the {@code lineage} feature's proposals) for an admin to decide (measured on Laos 2022 → 2023: repeats 0.91–1.00, the closest non-repeat 0.41).</li>
 * <li>{@code figures}: the narrative's figures and findings as draft evidence about the previous year's
 * recommendations, each with its quote, the year it is about and the most alike recommendation.</li>
 * <li>{@code text}: what all three share: normalised English paragraphs, word stems, similarity, and the stored
 * recommendations ({@code KnownRecommendation}) that lineage and figures compare new text with.</li>
 * </ul>
 */
package org.rectrack.recommendations.importing;
