package io.github.customeremail.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP on loopback to the service under test. */
final class LoopbackClient {

    static final String KEY = "test-key-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    LoopbackClient(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST JSON with the API key. */
    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 4];
        all[0] = "Content-Type";
        all[1] = "application/json";
        all[2] = RequestGuardFilter.API_KEY_HEADER;
        all[3] = KEY;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return send("POST", path, body, all);
    }

    /** POST an SNS message the way SNS does: text/plain, no API key. */
    HttpResponse<String> sns(String body) throws Exception {
        return send("POST", "/v1/ses/notifications", body, "Content-Type", "text/plain; charset=UTF-8",
                "x-amz-sns-message-type", "Notification");
    }

    static JsonNode json(HttpResponse<String> response) {
        return tree(response.body());
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
