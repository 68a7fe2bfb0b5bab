package org.rectrack.gateway.compliance;

import java.util.Arrays;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/**
 * The formats a compliance report comes in, each with the media type it is answered with (the parameters included,
 * as {@code GET /compliance-reports/{country}/{year}} negotiates them) and its file name extension.
 */
public enum ReportFormat {

    JSON(MediaType.valueOf(MediaType.APPLICATION_JSON + "; charset=UTF-8"), "json"),
    /** RFC 4180, UTF-8 with a byte order mark. */
    CSV(MediaType.valueOf("text/csv; charset=UTF-8; header=present"), "csv"),
    PDF(MediaType.valueOf("application/pdf"), "pdf");

    private final MediaType mediaType;
    private final String extension;

    ReportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The type the report's bytes are answered with. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** {@code json}, {@code csv} or {@code pdf}. */
    public String extension() {
        return extension;
    }

    /** The format whose media type is {@code type}'s, parameters aside; empty for any other type. */
    public static Optional<ReportFormat> of(MediaType type) {
        return Arrays.stream(values())
                .filter(format -> format.mediaType.getType().equalsIgnoreCase(type.getType())
                        && format.mediaType.getSubtype().equalsIgnoreCase(type.getSubtype()))
                .findFirst();
    }
}
