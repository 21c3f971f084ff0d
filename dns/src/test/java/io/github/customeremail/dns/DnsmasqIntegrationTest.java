package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.MailDomainStatus.HasMx;
import io.github.customeremail.MailDomainStatus.ImplicitMx;
import io.github.customeremail.MailDomainStatus.NoMailHost;
import io.github.customeremail.MailDomainStatus.NoPublicMailHost;
import io.github.customeremail.MailDomainStatus.NoSuchDomain;
import io.github.customeremail.MailDomainStatus.NullMx;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The checker against a real dnsmasq on a high port of 127.0.0.1, started and stopped by this test. dnsmasq is
 * configured with {@code --no-resolv} and {@code --local=/test/}: it answers only from its command line and forwards
 * nothing. When dnsmasq is not installed ({@code apt-get install dnsmasq-base}) the tests are skipped with a
 * message; {@code .ci/run} installs it.
 */
class DnsmasqIntegrationTest {

    static final String PUBLIC_IP = "11.22.33.44";

    static Process dnsmasq;
    static Path workDir;
    static int port;

    DnsMailDomainChecker checker;

    @BeforeAll
    static void startDnsmasq() throws Exception {
        Path binary = findDnsmasq();
        if (binary == null) {
            System.err.println("[DnsmasqIntegrationTest] SKIPPED: dnsmasq not found "
                    + "(install it with: apt-get install -y dnsmasq-base)");
        }
        assumeTrue(binary != null, "dnsmasq is not installed (apt-get install -y dnsmasq-base): test skipped");
        workDir = Files.createTempDirectory("dnsmasq-test");
        String lastError = "";
        for (int attempt = 0; attempt < 3 && dnsmasq == null; attempt++) {
            port = freeLoopbackPort();
            Path log = workDir.resolve("dnsmasq-" + attempt + ".log");
            List<String> cmd = new ArrayList<>(List.of(binary.toString(),
                    "--keep-in-foreground",
                    "--conf-file=/dev/null",
                    "--pid-file=" + workDir.resolve("dnsmasq.pid"),
                    "--port=" + port,
                    "--listen-address=127.0.0.1",
                    "--bind-interfaces",
                    "--no-resolv",
                    "--no-hosts",
                    "--log-facility=-",
                    "--local=/test/",
                    "--local-ttl=300",
                    "--mx-host=example.test,mail.example.test,10",
                    "--host-record=mail.example.test," + PUBLIC_IP,
                    "--mx-host=nullmx.test,.,0",
                    "--mx-host=loopback.test,mx.loopback.test,10",
                    "--host-record=mx.loopback.test,127.0.0.1",
                    "--mx-host=private.test,mx.private.test,10",
                    "--host-record=mx.private.test,10.20.30.40",
                    "--mx-host=mixed.test,mx1.mixed.test,10",
                    "--mx-host=mixed.test,mx2.mixed.test,20",
                    "--host-record=mx1.mixed.test,192.168.0.25",
                    "--host-record=mx2.mixed.test," + PUBLIC_IP,
                    "--host-record=implicit.test,11.22.33.45",
                    "--txt-record=nodata.test,v=spf1 -all"));
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.add("--user=nobody"); // never keep root privileges in a test daemon
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (waitUntilAnswering(p, Duration.ofSeconds(10))) {
                dnsmasq = p;
            } else {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                lastError = Files.exists(log) ? Files.readString(log) : "(no output)";
            }
        }
        if (dnsmasq == null) {
            throw new IllegalStateException("dnsmasq is installed but did not start: " + lastError);
        }
    }

    @AfterAll
    static void stopDnsmasq() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) {
                dnsmasq.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            dnsmasq = null;
        }
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @BeforeEach
    void newChecker() {
        // dnsmasq's --local answers carry no SOA: they are believed once it has answered a canary it serves.
        checker = DnsMailDomainChecker.builder()
                .server("127.0.0.1", port)
                .deadline(Duration.ofSeconds(2))
                .canaryDomains(List.of("example.test"))
                .build();
    }

    @Test
    void withoutACanaryItServesItsSoaLessDenialsAreNeverANegativeStatus() {
        // the default canaries (gmail.com…) are outside its --local zone: it refuses them, so it is unverified
        try (DnsMailDomainChecker defaults = DnsMailDomainChecker.builder().server("127.0.0.1", port)
                .deadline(Duration.ofSeconds(2)).build()) {
            assertThat(defaults.check("nosuch.test").join()).isInstanceOf(MailDomainStatus.Indeterminate.class);
            assertThat(defaults.check("example.test").join())
                    .isEqualTo(new MailDomainStatus.HasMx(List.of("mail.example.test")));
        }
    }

    @AfterEach
    void closeChecker() {
        checker.close();
    }

    MailDomainStatus check(String domain) {
        return checker.check(domain).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void outcomes() {
        assertThat(check("example.test")).isEqualTo(new HasMx(List.of("mail.example.test")));
        assertThat(check("nullmx.test")).isEqualTo(new NullMx());
        assertThat(check("nosuch.test")).isEqualTo(new NoSuchDomain());
        assertThat(check("loopback.test")).isEqualTo(new NoPublicMailHost(List.of("mx.loopback.test")));
        assertThat(check("private.test")).isEqualTo(new NoPublicMailHost(List.of("mx.private.test")));
        assertThat(check("mixed.test")).isEqualTo(new HasMx(List.of("mx1.mixed.test", "mx2.mixed.test")));
        assertThat(check("implicit.test")).isEqualTo(new ImplicitMx());
        assertThat(check("nodata.test")).isEqualTo(new NoMailHost());
    }

    @Test
    void secondCheckIsACacheHit() {
        check("example.test");
        long sent = checker.stats().queriesSent();
        assertThat(check("example.test")).isInstanceOf(HasMx.class);
        assertThat(checker.stats().hits()).isEqualTo(1);
        assertThat(checker.stats().queriesSent()).isEqualTo(sent);
    }

    @Test
    void bulk() {
        Map<String, MailDomainStatus> all = checker.checkAll(
                List.of("example.test", "nullmx.test", "nosuch.test", "implicit.test"), 2).join();
        assertThat(all.values()).containsExactly(new HasMx(List.of("mail.example.test")), new NullMx(),
                new NoSuchDomain(), new ImplicitMx());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Path findDnsmasq() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin/dnsmasq"), Path.of("/usr/bin/dnsmasq"),
                Path.of("/usr/local/sbin/dnsmasq")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "dnsmasq"));
                }
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** A port free for both UDP and TCP on 127.0.0.1 right now (dnsmasq binds it a moment later). */
    private static int freeLoopbackPort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                int candidate = udp.getLocalPort();
                if (candidate < 1024) {
                    continue;
                }
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(loopback, candidate));
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free loopback port");
    }

    /** Sends a plain query to 127.0.0.1:port until dnsmasq answers, the process dies or time runs out. */
    private static boolean waitUntilAnswering(Process p, Duration patience) throws Exception {
        long end = System.nanoTime() + patience.toNanos();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        byte[] query = Message.newQuery(org.xbill.DNS.Record.newRecord(
                Name.fromString("example.test."), Type.MX, DClass.IN)).toWire();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < end) {
                if (!p.isAlive()) {
                    return false;
                }
                socket.send(new DatagramPacket(query, query.length, new InetSocketAddress(loopback, port)));
                try {
                    DatagramPacket reply = new DatagramPacket(new byte[512], 512);
                    socket.receive(reply);
                    return true;
                } catch (SocketTimeoutException | java.net.PortUnreachableException notYet) {
                    Thread.sleep(50);
                }
            }
        }
        return false;
    }
}
