package org.rectrack.gateway.changes;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.compliance.ReportFormat;

/**
 * The one way a year's changes become bytes, for the API and the page's downloads alike: the same changes give the
 * same bytes in each format.
 */
@ApplicationScoped
public class ChangesRenderer {

    private final ObjectMapper mapper;

    ChangesRenderer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The changes in {@code format}: JSON as the REST layer writes records, CSV ({@link ChangesCsv}), PDF. */
    public byte[] render(YearOverYear changes, ReportFormat format) {
        return switch (format) {
            case JSON -> json(changes);
            case CSV -> ChangesCsv.of(changes);
            case PDF -> ChangesPdf.render(changes);
        };
    }

    /** The file name of a download: what it is and both its times. */
    public static String fileName(YearOverYear changes, ReportFormat format) {
        return "changes-%s-%d-as-of-%s-known-at-%s.%s".formatted(changes.country(), changes.year(), changes.asOf(),
                changes.knownAt().toString().replace(":", ""), format.extension());
    }

    private byte[] json(YearOverYear changes) {
        try {
            return mapper.writeValueAsBytes(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the changes as JSON", e);
        }
    }
}
