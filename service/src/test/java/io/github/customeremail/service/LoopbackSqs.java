package io.github.customeremail.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Amazon SQS on 127.0.0.1 speaking the SQS JSON protocol for the two calls the service makes
 * ({@code AmazonSQS.ReceiveMessage}, {@code AmazonSQS.DeleteMessage}), with a fault switch: the next N receive calls
 * answer HTTP 500. A received message is in flight until deleted; with a {@link #visibilityTimeout} set, one not
 * deleted by then is delivered again, as SQS does (without one, nothing is redelivered).
 */
final class LoopbackSqs implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final BlockingQueue<Map<String, String>> queue = new LinkedBlockingQueue<>();
    final List<String> deletedReceipts = new CopyOnWriteArrayList<>();
    final AtomicInteger failNextReceives = new AtomicInteger();
    final AtomicInteger failedReceives = new AtomicInteger();
    /** Deliveries of each message, by receipt handle. */
    final Map<String, AtomicInteger> deliveries = new java.util.concurrent.ConcurrentHashMap<>();
    /** Null: a message in flight is never delivered again. */
    volatile java.time.Duration visibilityTimeout;
    private final Map<String, Map.Entry<Map<String, String>, java.time.Instant>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();

    LoopbackSqs() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String response;
            int status = 200;
            if ("AmazonSQS.ReceiveMessage".equals(target)) {
                if (failNextReceives.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    failedReceives.incrementAndGet();
                    status = 500;
                    response = "{\"__type\":\"InternalError\",\"message\":\"injected fault\"}";
                } else {
                    response = receive(request.path("WaitTimeSeconds").asInt(0));
                }
            } else if ("AmazonSQS.DeleteMessage".equals(target)) {
                inFlight.remove(request.path("ReceiptHandle").asString());
                deletedReceipts.add(request.path("ReceiptHandle").asString());
                response = "{}";
            } else {
                status = 400;
                response = "{\"__type\":\"InvalidAction\",\"message\":\"not supported here\"}";
            }
            byte[] body = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** @return the receipt handle the message will carry */
    String send(String body) {
        String receipt = "rh-" + UUID.randomUUID();
        queue.add(Map.of("MessageId", UUID.randomUUID().toString(), "ReceiptHandle", receipt, "Body", body));
        return receipt;
    }

    private String receive(int waitSeconds) {
        try {
            Map<String, String> first = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            do {
                requeueExpired();
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } while (first == null && System.nanoTime() < deadline);
            if (first == null) {
                return "{\"Messages\":[]}";
            }
            List<Map<String, String>> batch = new java.util.ArrayList<>(List.of(first));
            queue.drainTo(batch, 9);
            java.time.Duration timeout = visibilityTimeout;
            for (Map<String, String> m : batch) {
                deliveries.computeIfAbsent(m.get("ReceiptHandle"), k -> new AtomicInteger()).incrementAndGet();
                if (timeout != null) {
                    inFlight.put(m.get("ReceiptHandle"), Map.entry(m, java.time.Instant.now().plus(timeout)));
                }
            }
            List<Map<String, String>> messages = batch.stream().map(m -> Map.of("MessageId", m.get("MessageId"),
                    "ReceiptHandle", m.get("ReceiptHandle"), "Body", m.get("Body"), "MD5OfBody", md5(m.get("Body"))))
                    .toList();
            return JSON.writeValueAsString(Map.of("Messages", messages));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "{\"Messages\":[]}";
        }
    }

    private void requeueExpired() {
        java.time.Instant now = java.time.Instant.now();
        inFlight.forEach((receipt, entry) -> {
            if (entry.getValue().isBefore(now) && inFlight.remove(receipt, entry)) {
                queue.add(entry.getKey());
            }
        });
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
