package io.github.customeremail.odoo;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the Odoo stand-in ({@code standin/odoo_standin.py}) on a free loopback port and stops it. Without
 * python3 a test fails under {@code CI=true} and is skipped, with the reason, elsewhere.
 */
public final class OdooStandin implements AutoCloseable {

    /** The stand-in's database name. */
    public static final String DB = "test";
    /** The stand-in's login. */
    public static final String LOGIN = "audit@example.com";
    /** The stand-in's API key. */
    public static final String KEY = "standin-api-key";

    private static final JsonMapper JSON = new JsonMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private OdooStandin(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a stand-in of the given Odoo version with {@code partners} generated contacts. */
    public static OdooStandin start(String version, int partners) {
        String python = findPython();
        Path script = script();
        try {
            Process process = new ProcessBuilder(python, script.toString(), "--version", version, "--db", DB,
                    "--login", LOGIN, "--key", KEY, "--partners", Integer.toString(partners))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("PORT ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the Odoo stand-in did not start: " + line);
            }
            return new OdooStandin(process, Integer.parseInt(line.substring(5).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Odoo stand-in with " + python, e);
        }
    }

    /** Runs the stand-in's email_normalize(text, strict=False), Odoo's rule in Python, over some fields. */
    static List<Object> pythonEmailNormalize(List<String> fields) {
        String code = "import json, sys; sys.path.insert(0, sys.argv[1]); import odoo_standin as o; "
                + "print(json.dumps([o.email_normalize(t, strict=False) for t in json.load(sys.stdin)]))";
        try {
            Process process = new ProcessBuilder(findPython(), "-c", code, script().getParent().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var in = process.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(fields));
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("python3 email_normalize failed");
            }
            return JSON.readValue(out, List.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first python3 on PATH, preferring a real interpreter to a version manager's shim (pyenv's shim costs
     * seconds per start).
     */
    private static String findPython() {
        String[] dirs = System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator);
        for (boolean allowShims : new boolean[]{false, true}) {
            for (String dir : dirs) {
                if ((allowShims || !dir.endsWith("shims")) && Files.isExecutable(Path.of(dir, "python3"))) {
                    return Path.of(dir, "python3").toString();
                }
            }
        }
        String reason = "python3 is not on PATH: the Odoo stand-in needs it (install python3 to run these tests)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        Assumptions.abort(reason);
        throw new AssertionError(reason);
    }

    private static Path script() {
        java.net.URL url = OdooStandin.class.getResource("/standin/odoo_standin.py");
        if (url == null) {
            throw new IllegalStateException("standin/odoo_standin.py is not on the test classpath");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            // From the test-jar (the cli's tests): Python needs a file.
            Path dir = Files.createTempDirectory("odoo-standin");
            Path copy = dir.resolve("odoo_standin.py");
            try (var in = url.openStream()) {
                Files.copy(in, copy);
            }
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return copy;
        } catch (java.net.URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read standin/odoo_standin.py", e);
        }
    }

    /** @return the stand-in's base URL */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    OdooSettings.Builder settings() {
        return OdooSettings.builder().url(url()).database(DB).login(LOGIN).apiKey(KEY)
                .requestTimeout(Duration.ofSeconds(20)).initialBackoff(Duration.ofMillis(20));
    }

    OdooClient connect() {
        return OdooClient.connect(settings().build());
    }

    /** Sends a test hook command (not part of Odoo): edit, forbid, faults, add_partners, state. */
    public Object control(Map<String, Object> command) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/__standin__/control"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(command))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stand-in control failed: " + response.body());
            }
            return JSON.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("stand-in control failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> state(List<Integer> partnerIds) {
        return (Map<String, Object>) control(Map.of("action", "state", "ids", partnerIds));
    }

    @SuppressWarnings("unchecked")
    public List<Integer> addPartners(List<Map<String, Object>> partners) {
        return (List<Integer>) control(Map.of("action", "add_partners", "partners", partners));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
