package org.rectrack.gateway.readmodel;

import java.util.AbstractList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.rectrack.api.evidence.Metric;

/**
 * The read model's JSON columns ({@code jsonb}) as Hibernate reads and writes them, for the statements that go around
 * Hibernate ({@link VersionRowInserts}, {@link ReadModel#evidenceOn}): {@code
 * quarkus.hibernate-orm.mapping.format.global=ignore} (platform) leaves Hibernate its own Jackson mapper, a plain
 * ObjectMapper with the modules on the class path.
 */
final class ReadModelJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final ObjectReader METRICS = MAPPER.readerFor(new TypeReference<List<Metric>>() {
    });

    private ReadModelJson() {
    }

    /**
     * A value as the text of a JSON column.
     *
     * @throws IllegalArgumentException if Jackson cannot write it
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    /**
     * The figures of an {@code evidence_version.metrics} column's text: an unmodifiable list that reads the text when
     * it is first used. A status is computed from every piece of evidence on a recommendation, but what it shows may
     * need the figures of few of them (a compliance report: of the verified); reading the figures of a country's 10,000
     * pieces of evidence was a third of the gateway's time on the report.
     *
     * @throws IllegalStateException on first use, if the column holds no list of figures (the read model wrote it:
     *                               a defect)
     */
    static List<Metric> metrics(String json) {
        return new MetricsColumn(json);
    }

    /** A column's figures, read on first use; the same list whichever thread reads it first. */
    private static final class MetricsColumn extends AbstractList<Metric> {

        private final String json;
        private volatile List<Metric> read;

        MetricsColumn(String json) {
            this.json = json;
        }

        @Override
        public Metric get(int index) {
            return read().get(index);
        }

        @Override
        public int size() {
            return read().size();
        }

        private List<Metric> read() {
            List<Metric> metrics = read;
            if (metrics == null) {
                try {
                    metrics = List.copyOf(METRICS.<List<Metric>> readValue(json));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("evidence_version.metrics holds no list of figures: "
                            + e.getMessage(), e);
                }
                read = metrics;
            }
            return metrics;
        }
    }
}
