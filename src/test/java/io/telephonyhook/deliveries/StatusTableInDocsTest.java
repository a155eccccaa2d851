package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The order of Twilio's statuses docs/operations.md documents ("What became of a code") is the order the ledgers apply
 * ({@link DeliveryStatuses}): the same words, each channel's in the same ranks, so neither can drift from the other.
 */
class StatusTableInDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| (SMS|voice) \\| (.+) \\|$");
    private static final Pattern WORD = Pattern.compile("`([a-z_-]+)`");

    @Test
    void theDocumentedTableIsTheLedgersOrder() throws IOException {
        Map<String, List<List<String>>> table = Map.of("SMS", new ArrayList<>(), "voice", new ArrayList<>());
        for (String line : Files.readAllLines(Path.of("docs/operations.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && row.group(2).contains(" < ")) {
                for (String rank : row.group(2).split(" < ")) {
                    List<String> words = new ArrayList<>();
                    WORD.matcher(rank).results().forEach(word -> words.add(word.group(1)));
                    table.get(row.group(1)).add(words);
                }
            }
        }
        assertRanks(table.get("SMS"), DeliveryStatuses.SMS_RANKS);
        assertRanks(table.get("voice"), DeliveryStatuses.VOICE_RANKS);
    }

    private static void assertRanks(List<List<String>> documented, Map<String, Integer> applied) {
        assertThat(documented).as("the documented row").isNotEmpty();
        Map<String, Integer> fromReadme = new java.util.HashMap<>();
        for (int rank = 0; rank < documented.size(); rank++) {
            for (String word : documented.get(rank)) {
                fromReadme.put(word, rank);
            }
        }
        assertThat(fromReadme).isEqualTo(applied);
    }
}
