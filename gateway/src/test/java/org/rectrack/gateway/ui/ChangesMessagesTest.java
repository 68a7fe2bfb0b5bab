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
import org.rectrack.gateway.ui.changes.ChangesMessages;

/** Every label of the "What changed" page exists in English and in Lao, and the Lao ones are in Lao script. */
class ChangesMessagesTest {

    @Test
    void everyKeyIsInBothLanguagesAndLaoIsInLaoScript() throws IOException {
        Set<String> keys = Arrays.stream(ChangesMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = load("messages/changes_en.properties");
        Properties lao = load("messages/changes_lo.properties");
        assertThat(english.stringPropertyNames()).as("English").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(lao.stringPropertyNames()).as("Lao").containsExactlyInAnyOrderElementsOf(keys);
        lao.forEach((key, value) -> assertThat(((String) value).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LAO)).as("Lao " + key).isTrue());
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = ChangesMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
