package org.rectrack.recommendations.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.recommendations.Tier;

/**
 * The real narratives of other countries and years in {@code shared/corpus}, with what a careful reader found
 * in each ({@code expected.json}; its README says how they were copied and counted). Found by walking up from
 * the working directory, as the seeds are.
 */
final class Corpus {

    /** One narrative and its expected reading; {@code year} is null where the text does not state it. */
    record Fixture(String file, String source, String country, Integer year, Integer yearFromSource, Tier tier,
            int count, List<String> recommendations, List<Figure> figures, String layout, String notes) {

        /** The report's year: stated by the text, or given by the admin from where the text was copied. */
        int reportYear() {
            return year != null ? year : yearFromSource;
        }

        String text() {
            try {
                return Files.readString(directory().resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** A figure of the narrative: what it counts, how many, the year it is about, the sentence that states it. */
    record Figure(MetricKind kind, long value, int year, String quote) {
    }

    private Corpus() {
    }

    static List<Fixture> fixtures() {
        try {
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return List.of(json.readValue(directory().resolve("expected.json").toFile(), Fixture[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path corpus = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        throw new IllegalStateException("no shared/corpus in " + Path.of("").toAbsolutePath() + " or above it");
    }
}
