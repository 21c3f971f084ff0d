package io.github.customeremail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.customeremail.InMemorySuppressionList;
import io.github.customeremail.SuppressionEntry;
import io.github.customeremail.SuppressionReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the service's suppression export ({@code GET /v1/suppressions/export}: one JSON object per line with
 * {@code address}, {@code reason}, {@code date}, {@code diagnostic}) into an {@link InMemorySuppressionList}.
 */
final class SuppressionFile {

    private static final JsonMapper JSON = new JsonMapper();

    private SuppressionFile() {
    }

    /**
     * @throws IOException when the file cannot be read, or a line is not an entry (the message names the line)
     */
    static InMemorySuppressionList read(Path file) throws IOException {
        InMemorySuppressionList list = new InMemorySuppressionList();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode entry = JSON.readTree(line);
                    String address = entry.path("address").asText("");
                    if (address.isBlank()) {
                        throw new IllegalArgumentException("no address");
                    }
                    SuppressionReason reason = SuppressionReason.valueOf(
                            entry.path("reason").asText("").toUpperCase(Locale.ROOT).replace('-', '_'));
                    list.add(new SuppressionEntry(address, reason, LocalDate.parse(entry.path("date").asText("")),
                            entry.path("diagnostic").asText("")));
                } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
                    throw new IOException(file + " line " + number + " is not a suppression entry (address, reason, "
                            + "date, diagnostic): " + e.getMessage(), e);
                }
            }
        }
        return list;
    }
}
