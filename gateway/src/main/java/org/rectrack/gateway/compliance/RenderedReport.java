package org.rectrack.gateway.compliance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;


/**
 * A compliance report rendered in one format: the report it was drawn from and the exact bytes a client receives.
 *
 * @param report the report; its {@code dataSha256} fingerprints the data, whatever the format
 * @param bytes  the body as answered, byte for byte; the array is the caller's and must not be changed
 */
public record RenderedReport(ComplianceReport report, ReportFormat format, byte[] bytes) {

    /** SHA-256 of the bytes, lower-case hex: what an auditor computes with {@code sha256sum} on the file. */
    public String sha256() {
        return sha256(bytes);
    }

    /** SHA-256 of {@code bytes}, 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
