package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference (docs/configuration.md) and the metadata generated from the settings types
 * (META-INF/spring-configuration-metadata.json, what IDEs complete from) say the same: the same settings, the same
 * defaults, and a description for each; and both agree with the types themselves ({@link SettingKeys}).
 */
class ConfigurationReferenceTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([a-z.-]+)` \\| ([^|]+) \\|",
            Pattern.MULTILINE);
    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    @Test
    void theReferenceTheMetadataAndTheTypesHaveTheSameSettingsAndDefaults() throws IOException {
        Map<String, String> reference = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (row.find()) {
            String cell = row.group(3).strip();
            reference.put(row.group(2), cell.startsWith("*(") ? "" : cell.replace("`", ""));
        }
        Map<String, String> metadata = new TreeMap<>();
        for (JsonNode property : new ObjectMapper().readTree(METADATA.toFile()).path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith("hook.") || name.startsWith("okta.hook.") || name.startsWith("twilio.")) {
                assertThat(property.path("description").asText()).as("the description of %s", name).isNotBlank();
                metadata.put(name, property.has("defaultValue") ? property.path("defaultValue").asText() : "");
            }
        }
        Map<String, String> types = new TreeMap<>();
        SettingKeys.defaults().forEach((key, value) -> types.put(key, value == null ? "" : textOf(value)));

        assertThat(metadata).as("the metadata against the reference").isEqualTo(reference);
        assertThat(types.keySet()).as("the types' keys").isEqualTo(reference.keySet());
    }

    private static String textOf(Object value) {
        return value instanceof java.time.Duration duration ? duration.toMillis() + "ms" : String.valueOf(value);
    }
}
