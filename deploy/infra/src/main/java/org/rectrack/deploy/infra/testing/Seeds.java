package org.rectrack.deploy.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real report texts in {@code shared/seeds}, found by walking up from the working directory: a
 * developer has {@code shared/} beside the work tree, CI beside its fresh clone.
 */
public final class Seeds {

    public static final String REPORT_2023 = "000_c1cb5d0d1146d181.txt";
    public static final String LAO_NEWS_AND_REPORT_2022 = "001_044c205a76eace4c.txt";
    public static final String PREVENTION_2021 = "003_84d8b87f92a35f2b.txt";
    public static final String GENERAL_TEXT = "004_d9e90aa41d3b2888.txt";

    private Seeds() {
    }

    public static String read(String name) {
        try {
            return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("shared").resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
        }
        throw new IllegalStateException("no shared/seeds in " + Path.of("").toAbsolutePath() + " or above it");
    }
}
