package io.github.customeremail.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.customeremail.InMemorySuppressionList;
import io.github.customeremail.SuppressionEntry;
import io.github.customeremail.SuppressionReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Where {@code --suppression-list FILE} and {@code --service URL} take the suppression list from: the service's
 * export file (one JSON object per line: {@code address}, {@code reason}, {@code date}, {@code diagnostic}), read
 * from disk or fetched once from a running service's {@code GET /v1/suppressions/export} with its API key.
 */
final class SuppressionSource {

    /** The environment variable holding the service's API key. */
    static final String API_KEY_VARIABLE = "CUSTOMER_EMAIL_API_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The suppression list could not be read; the message names the option and says why. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SuppressionSource() {
    }

    /**
     * @param file the export file
     * @param into where the entries are added
     */
    static void readFile(Path file, InMemorySuppressionList into) throws Unreadable {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, "--suppression-list " + file, into);
        } catch (IOException e) {
            throw new Unreadable("--suppression-list: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fetches the export of a running service.
     *
     * @param service     the service's base URL, {@code http://} or {@code https://}
     * @param apiKeyFile  a file holding the API key, or {@code null} to take it from {@link #API_KEY_VARIABLE}
     * @param environment the process environment
     * @param into        where the entries are added
     */
    static void fetch(String service, Path apiKeyFile, Map<String, String> environment, InMemorySuppressionList into)
            throws Unreadable {
        URI export;
        try {
            URI base = URI.create(service.strip());
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            String root = base.toString().replaceAll("/+$", "");
            export = URI.create(root + "/v1/suppressions/export");
        } catch (IllegalArgumentException e) {
            throw new Unreadable("--service needs the service's http:// or https:// URL, got '" + service + "'", e);
        }
        String key = apiKey(apiKeyFile, environment);
        HttpRequest request = HttpRequest.newBuilder(export).timeout(TIMEOUT).header("X-Api-Key", key).GET().build();
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 401) {
                    throw new Unreadable("--service " + service + " refused the API key (HTTP 401): check "
                            + (apiKeyFile != null ? "--service-key-file " + apiKeyFile : API_KEY_VARIABLE), null);
                }
                if (response.statusCode() != 200) {
                    throw new Unreadable("--service " + service + " answered HTTP " + response.statusCode()
                            + " to " + export.getPath(), null);
                }
                read(body, "--service " + service, into);
            }
        } catch (IOException e) {
            throw new Unreadable("--service " + service + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("--service " + service + ": interrupted", e);
        }
    }

    /** The key from the file (first line, trimmed) or from the environment; never from the command line. */
    static String apiKey(Path apiKeyFile, Map<String, String> environment) throws Unreadable {
        String key;
        if (apiKeyFile != null) {
            try {
                key = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new Unreadable("--service-key-file: cannot read " + apiKeyFile + ": " + e.getMessage(), e);
            }
        } else {
            key = environment.getOrDefault(API_KEY_VARIABLE, "");
        }
        key = key.strip();
        if (key.isEmpty()) {
            throw new Unreadable("--service needs the service's API key: set " + API_KEY_VARIABLE
                    + " or give --service-key-file FILE (it is never taken from the command line)", null);
        }
        return key;
    }

    private static void read(InputStream in, String source, InMemorySuppressionList into) throws IOException,
            Unreadable {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode o = JSON.readTree(line);
                into.add(new SuppressionEntry(text(o, "address"),
                        SuppressionReason.valueOf(text(o, "reason").toUpperCase(Locale.ROOT).replace('-', '_')),
                        LocalDate.parse(text(o, "date")), o.path("diagnostic").asText("")));
            } catch (JacksonException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                throw new Unreadable(source + ": line " + number + " is not an export line ({\"address\", "
                        + "\"reason\", \"date\", \"diagnostic\"}): " + e.getMessage(), e);
            }
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("no text field '" + field + "'");
        }
        return v.asText();
    }
}
