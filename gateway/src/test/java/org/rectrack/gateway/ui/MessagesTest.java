package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every label exists in English and in Lao: a key missing from either language fails here. */
class MessagesTest {

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        Set<String> keys = Arrays.stream(Messages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = load("messages/msg_en.properties");
        Properties lao = load("messages/msg_lo.properties");
        assertThat(english.stringPropertyNames()).as("English").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(lao.stringPropertyNames()).as("Lao").containsExactlyInAnyOrderElementsOf(keys);
        lao.forEach((key, value) -> assertThat((String) value).as("Lao " + key).isNotBlank());
    }

    @Test
    void laoLabelsAreInLaoScript() throws IOException {
        Properties lao = load("messages/msg_lo.properties");
        long inLao = lao.values().stream().map(String.class::cast)
                .filter(value -> value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LAO))
                .count();
        // Role names, "rectrack" and "JSON (API)" aside, every label is translated, not copied.
        assertThat(inLao).isEqualTo(lao.size());
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
