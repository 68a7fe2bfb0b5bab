/**
 * Issued compliance reports: an auditor issues (signs off) a report, the gateway records what was issued (country,
 * year, {@code asOf}, {@code knownAt}, format), the SHA-256 of the exact bytes, who and when; anyone signed in
 * verifies a file or a hash against those records.
 *
 * <p><b>Why verification regenerates.</b> The bytes are not stored: a verification renders the report again from
 * the read model with the recorded parameters ({@link org.rectrack.gateway.compliance.ReportRenderer}, the
 * one renderer that downloads use too) and compares SHA-256s. Identical bytes prove the read model still tells the
 * same history up to {@code knownAt}; other bytes say it changed, and the recorded data fingerprint tells a change
 * of data (history rewritten) from a change of rendering.
 *
 * <p><b>Paths.</b> {@code /compliance-reports/issued} and {@code /compliance-reports/verify} are classes of their
 * own with literal paths, which JAX-RS matches before {@code /compliance-reports/{country}/{year}}.
 */
package org.rectrack.gateway.compliance.issued;
