package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * An input's {@code pattern} is a regular expression whose quantifiers ({@code [A-Za-z]{3}}) Qute would read as an
 * expression and print as {@code 3}: the browser then refuses every well-formed value ("Please match the requested
 * format"), as the verify page's SHA-256 field did. In a template each such brace is escaped ({@code \{3}}).
 */
class TemplatePatternsTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    private static final Pattern ATTRIBUTE = Pattern.compile("pattern=\"([^\"]*)\"");
    private static final Pattern UNESCAPED_QUANTIFIER = Pattern.compile("(?<!\\\\)\\{\\d");

    @Test
    void everyQuantifierInAnInputsPatternIsEscapedFromQute() throws IOException {
        List<String> unescaped;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            unescaped = files.filter(file -> file.toString().endsWith(".html")).flatMap(file -> {
                Matcher attribute = ATTRIBUTE.matcher(read(file));
                return attribute.results().map(found -> found.group(1))
                        .filter(pattern -> UNESCAPED_QUANTIFIER.matcher(pattern).find())
                        .map(pattern -> TEMPLATES.relativize(file) + ": " + pattern);
            }).toList();
        }
        assertThat(unescaped).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
