package io.github.customeremail.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Amazon SESv2 on 127.0.0.1 speaking its REST-JSON protocol for the account-level suppression list,
 * as AWS's API reference describes it: {@code DeleteSuppressedDestination}
 * ({@code DELETE /v2/email/suppression/addresses/{EmailAddress}}: 200, or 404 {@code NotFoundException}) and
 * {@code ListSuppressedDestinations} ({@code GET /v2/email/suppression/addresses?NextToken=…&PageSize=…}: a page of
 * {@code SuppressedDestinationSummaries} with {@code EmailAddress}, {@code Reason} and {@code LastUpdateTime} in
 * epoch seconds, and a {@code NextToken} while more remain). Faults: addresses starting with {@code falla} fail
 * their delete (500); {@link #failListFrom} fails every list call from that page on (500).
 */
final class LoopbackSes implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/v2/email/suppression/addresses";

    /** One entry of the list: reason {@code BOUNCE} or {@code COMPLAINT}. */
    record Entry(String address, String reason, Instant lastUpdate) {
    }

    private final HttpServer server;
    private final int pageSize;
    final List<Entry> listed = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Page index (0-based) from which list calls fail; -1: none. */
    volatile int failListFrom = -1;

    LoopbackSes(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        if (exchange.getRequestMethod().equals("DELETE") && path.startsWith(PATH + "/")) {
            String address = URLDecoder.decode(path.substring(PATH.length() + 1), StandardCharsets.UTF_8);
            if (address.startsWith("falla")) {
                respond(exchange, 500, "InternalFailure", Map.of("message", "injected"));
            } else if (listed.removeIf(e -> e.address().equals(address))) {
                respond(exchange, 200, null, Map.of());
            } else {
                respond(exchange, 404, "NotFoundException", Map.of("message", "not on the suppression list"));
            }
        } else if (exchange.getRequestMethod().equals("GET") && path.equals(PATH)) {
            Map<String, String> params = params(query);
            int from = params.containsKey("NextToken") ? Integer.parseInt(params.get("NextToken").substring(4)) : 0;
            int size = params.containsKey("PageSize") ? Integer.parseInt(params.get("PageSize")) : pageSize;
            if (failListFrom >= 0 && from / size >= failListFrom) {
                respond(exchange, 500, "InternalFailure", Map.of("message", "injected"));
                return;
            }
            List<Map<String, Object>> summaries = new ArrayList<>();
            List<Entry> all = List.copyOf(listed);
            for (Entry e : all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()))) {
                summaries.add(Map.of("EmailAddress", e.address(), "Reason", e.reason(),
                        "LastUpdateTime", e.lastUpdate().getEpochSecond()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("SuppressedDestinationSummaries", summaries);
            if (from + size < all.size()) {
                body.put("NextToken", "tok-" + (from + size));
            }
            respond(exchange, 200, null, body);
        } else {
            respond(exchange, 400, "BadRequestException", Map.of("message", "not supported here"));
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String errorType, Map<String, ?> body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
