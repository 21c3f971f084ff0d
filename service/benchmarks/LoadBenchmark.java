import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Load benchmark of a running customer-email service (not run in CI): signed SNS notifications stored per second,
 * and address checks per second over HTTP, with p50/p99 latencies. Run by {@code load-benchmark.sh}, which starts the
 * service on H2 or PostgreSQL with a trust store for the signing key made by {@code samples/SignedSample.java keys}.
 *
 * <pre>
 *   java LoadBenchmark.java SERVICE_URL API_KEY CONCURRENCY NOTIFICATIONS CHECKS
 * </pre>
 *
 * Notifications are signed before the timed phase (signing is the client's cost, not the service's). Each is a
 * Delivery (to 1-3 recipients, 60 %), a hard bounce (30 %) or a complaint (10 %), all of one day, to 5 000 addresses.
 */
public class LoadBenchmark {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-feedback";

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String apiKey = args[1];
        int concurrency = Integer.parseInt(args[2]);
        int notifications = Integer.parseInt(args[3]);
        int checks = Integer.parseInt(args[4]);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("sample-keys.p12"))) {
            ks.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) ks.getKey("sample", PASSWORD);
        HttpsServer certHost = certificateHost(ks, Files.readAllBytes(Path.of("sample.pem")));
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(42);
            List<String> warmup = sign(key, 200, random);
            List<String> messages = sign(key, notifications, random);
            run("warm-up notifications", http, concurrency, warmup.size(), i -> sns(service, warmup.get(i)), false);
            run("notifications stored", http, concurrency, messages.size(), i -> sns(service, messages.get(i)), true);
            String[] addresses = {"juan.perez@gmail.com", "juan@gmial.com", "ana.maria@hotmail.com.ar",
                "ventas@empresa.com.co", "  Pedro.Gomez@Gmail,com ", "carlos@yahoo.con", "lucia@outlook.es",
                "rebote42@gmail.com", "no es correo", "maria@une.net.co"};
            run("warm-up checks", http, concurrency, 500, i -> check(service, apiKey, addresses[i % addresses.length]),
                    false);
            run("checks (1 address each)", http, concurrency, checks,
                    i -> check(service, apiKey, addresses[i % addresses.length]), true);
        } finally {
            certHost.stop(0);
        }
    }

    private static HttpRequest sns(String service, String body) {
        return HttpRequest.newBuilder(URI.create(service + "/v1/ses/notifications"))
                .header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest check(String service, String apiKey, String address) {
        String body = "{\"addresses\":[\"" + address.replace("\"", "\\\"") + "\"]}";
        return HttpRequest.newBuilder(URI.create(service + "/v1/checks")).header("Content-Type", "application/json")
                .header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void run(String name, HttpClient http, int concurrency, int total,
                            java.util.function.IntFunction<HttpRequest> request, boolean report) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[total];
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 3) {
                                errorSamples.add(r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("%-26s %7d requests in %6.1f s = %7.1f /s   p50 %6.1f ms   p99 %7.1f ms   errors %d%n",
                    name, total, seconds, total / seconds, sorted[total / 2] / 1e6,
                    sorted[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6, errors.get());
            errorSamples.forEach(e -> System.out.println("  error sample: " + e));
        }
    }

    private static List<String> sign(PrivateKey key, int count, Random random) throws Exception {
        List<String> out = new ArrayList<>(count);
        Instant day = Instant.now();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            String ses;
            String mail = ",\"mail\":{\"timestamp\":\"" + day + "\",\"messageId\":\"bench-" + UUID.randomUUID()
                    + "\",\"source\":\"facturas@example.com\"}}";
            if (kind < 6) {
                StringBuilder recipients = new StringBuilder();
                for (int r = 0, n = 1 + random.nextInt(3); r < n; r++) {
                    recipients.append(r == 0 ? "" : ",").append('"').append(address(random)).append('"');
                }
                ses = "{\"notificationType\":\"Delivery\",\"delivery\":{\"timestamp\":\"" + day
                        + "\",\"recipients\":[" + recipients + "]}" + mail;
            } else if (kind < 9) {
                ses = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":"
                        + "\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"" + address(random) + "\",\"action\":"
                        + "\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],"
                        + "\"timestamp\":\"" + day + "\"}" + mail;
            } else {
                ses = "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\""
                        + address(random) + "\"}],\"timestamp\":\"" + day + "\"}" + mail;
            }
            String id = UUID.randomUUID().toString();
            String toSign = "Message\n" + ses + "\nMessageId\n" + id + "\nTimestamp\n" + day + "\nTopicArn\n" + TOPIC
                    + "\nType\nNotification\n";
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(toSign.getBytes(StandardCharsets.UTF_8));
            out.add("{\"Type\":\"Notification\",\"MessageId\":\"" + id + "\",\"TopicArn\":\"" + TOPIC
                    + "\",\"Message\":" + quote(ses) + ",\"Timestamp\":\"" + day + "\",\"SignatureVersion\":\"2\","
                    + "\"Signature\":\"" + Base64.getEncoder().encodeToString(s.sign()) + "\","
                    + "\"SigningCertURL\":\"https://127.0.0.1:8443/sample.pem\"}");
        }
        return out;
    }

    private static String address(Random random) {
        return "cliente" + random.nextInt(5000) + "@gmail.com";
    }

    private static HttpsServer certificateHost(KeyStore ks, byte[] pem) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8443), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/sample.pem", exchange -> {
            exchange.sendResponseHeaders(200, pem.length);
            exchange.getResponseBody().write(pem);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
