package io.github.customeremail.dns.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An in-process DNS server for tests: answers from an in-memory zone with dnsjava {@link Message}s over UDP and TCP
 * on one ephemeral port of 127.0.0.1, acting like a recursive resolver (it follows CNAME chains inside its data),
 * with fault injection per name. It never sends anything anywhere but back to the loopback client that asked.
 *
 * <pre>{@code
 * try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
 *     dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");
 *     dns.fault("slow.test", Fault.delay(Duration.ofMillis(300)));
 *     ... DnsMailDomainChecker.builder().server("127.0.0.1", dns.port()) ...
 *     dns.queryCount("example.test", Type.MX);
 * }
 * }</pre>
 *
 * <p>Names that have no record at all answer NXDOMAIN; names with records but none of the asked type answer NODATA.
 * Negative answers carry the SOA of the closest enclosing zone added with {@link #soa}, or else one made up for the
 * top-level zone, as a recursive resolver passes on the authoritative server's SOA; modes leave it out
 * ({@link #negativesWithoutSoa}), deny everything ({@link #sinkhole}) or stop at a CNAME ({@link #cnameOnly}).
 * Thread-safe.
 * Published in the dns test-jar for the other modules' tests.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    /** What to do instead of answering normally. */
    public sealed interface Fault {
        /** Never answer (the client times out). */
        record Drop() implements Fault {
        }

        /** Answer normally, after a delay. */
        record Delay(Duration delay) implements Fault {
        }

        /** Answer with this RCODE and no records (SERVFAIL, REFUSED…). */
        record WithRcode(int rcode) implements Fault {
        }

        /** Over UDP answer with the TC flag and no records; over TCP answer normally. */
        record TruncateUdp() implements Fault {
        }

        /** Answer with the right message id followed by bytes that do not parse. */
        record Garbage() implements Fault {
        }

        /**
         * Answer like an authoritative server's referral instead of a resolver: NOERROR, no answer, neither AA nor
         * RA, an NS record of the name in the authority section.
         */
        record Referral() implements Fault {
        }

        /**
         * Answer normally once {@code release} completes (however it completes): a test decides exactly when an
         * answer arrives, without depending on timing.
         */
        record Held(java.util.concurrent.CompletionStage<?> release) implements Fault {
        }

        /**
         * @param release completes when the answer may be sent
         * @return a fault that holds the answer until then
         */
        static Fault heldUntil(java.util.concurrent.CompletionStage<?> release) {
            return new Held(Objects.requireNonNull(release, "release"));
        }

        /** @return a referral instead of an answer */
        static Fault referral() {
            return new Referral();
        }

        /** @return a fault that drops the query */
        static Fault drop() {
            return new Drop();
        }

        /**
         * @param delay how long to wait before answering
         * @return a fault that answers late
         */
        static Fault delay(Duration delay) {
            return new Delay(delay);
        }

        /** @return SERVFAIL */
        static Fault servfail() {
            return new WithRcode(Rcode.SERVFAIL);
        }

        /** @return REFUSED */
        static Fault refused() {
            return new WithRcode(Rcode.REFUSED);
        }

        /** @return a truncated UDP answer, forcing the client to retry over TCP */
        static Fault truncateUdp() {
            return new TruncateUdp();
        }

        /** @return an unparsable answer */
        static Fault garbage() {
            return new Garbage();
        }
    }

    /** The TTL of records added without one. */
    public static final long DEFAULT_TTL = 300;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService workers;
    private final ScheduledExecutorService delayer;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Random random = new Random(42);
    private volatile boolean additionalAddresses;
    private volatile boolean negativesWithoutSoa;
    private volatile boolean sinkhole;
    private volatile boolean cnameOnly;
    private volatile boolean running = true;
    /** Uniform extra delay of every answer, in nanoseconds: [min, min + spread). */
    private volatile long latencyMinNanos;
    private volatile long latencySpreadNanos;

    private LoopbackDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-dns-worker");
            t.setDaemon(true);
            return t;
        });
        this.delayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopback-dns-delayer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a server on an ephemeral port of 127.0.0.1, the same port for UDP and TCP.
     *
     * @return the running server
     * @throws IOException if no port could be bound
     */
    public static LoopbackDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 64);
            } catch (IOException e) {
                last = e;
                udp.close();
                tcp.close();
                continue;
            }
            LoopbackDnsServer server = new LoopbackDnsServer(udp, tcp);
            server.startThreads();
            return server;
        }
        throw last;
    }

    private void startThreads() {
        Thread u = new Thread(this::serveUdp, "loopback-dns-udp");
        u.setDaemon(true);
        u.start();
        Thread t = new Thread(this::serveTcp, "loopback-dns-tcp");
        t.setDaemon(true);
        t.start();
    }

    /** @return the port (UDP and TCP) */
    public int port() {
        return udp.getLocalPort();
    }

    /** @return 127.0.0.1 and the port */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), port());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Zone data

    /**
     * Adds a record given in presentation format.
     *
     * @param name the owner name, relative names are taken as absolute
     * @param type a {@link Type} value
     * @param ttl seconds
     * @param rdata e.g. {@code "10 mail.example.test."} for MX
     * @return this server
     */
    public LoopbackDnsServer record(String name, int type, long ttl, String rdata) {
        try {
            Record r = Record.fromString(name(name), type, DClass.IN, ttl, rdata, Name.root);
            return add(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad record " + name + " " + Type.string(type) + " " + rdata, e);
        }
    }

    /**
     * Adds a record.
     *
     * @param r the record
     * @return this server
     */
    public LoopbackDnsServer add(Record r) {
        records.computeIfAbsent(r.getName(), k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    /** Adds an MX record with the default TTL. @return this server */
    public LoopbackDnsServer mx(String domain, int preference, String host) {
        return mx(domain, preference, host, DEFAULT_TTL);
    }

    /** Adds an MX record. @return this server */
    public LoopbackDnsServer mx(String domain, int preference, String host, long ttl) {
        return record(domain, Type.MX, ttl, preference + " " + absolute(host));
    }

    /** Adds the RFC 7505 null MX ({@code MX 0 .}). @return this server */
    public LoopbackDnsServer nullMx(String domain, long ttl) {
        return record(domain, Type.MX, ttl, "0 .");
    }

    /** Adds an A record with the default TTL. @return this server */
    public LoopbackDnsServer a(String host, String ipv4) {
        return a(host, ipv4, DEFAULT_TTL);
    }

    /** Adds an A record. @return this server */
    public LoopbackDnsServer a(String host, String ipv4, long ttl) {
        return record(host, Type.A, ttl, ipv4);
    }

    /** Adds an AAAA record with the default TTL. @return this server */
    public LoopbackDnsServer aaaa(String host, String ipv6) {
        return record(host, Type.AAAA, DEFAULT_TTL, ipv6);
    }

    /** Adds a CNAME record with the default TTL. @return this server */
    public LoopbackDnsServer cname(String alias, String target) {
        return record(alias, Type.CNAME, DEFAULT_TTL, absolute(target));
    }

    /**
     * Adds a TXT record; text longer than 255 characters is split into several strings, as zone files do (SPF and
     * DKIM readers join them again). @return this server
     */
    public LoopbackDnsServer txt(String name, String text) {
        StringBuilder strings = new StringBuilder();
        for (int i = 0; i == 0 || i < text.length(); i += 255) {
            strings.append(i == 0 ? "" : " ").append('"')
                    .append(text, i, Math.min(text.length(), i + 255)).append('"');
        }
        return record(name, Type.TXT, DEFAULT_TTL, strings.toString());
    }

    /**
     * Removes every record of a type at a name, as when a zone's owner deletes them; the name itself stays if it
     * has other records.
     *
     * @param name the owner name
     * @param type a {@link Type} value
     * @return this server
     */
    public LoopbackDnsServer remove(String name, int type) {
        List<Record> list = records.get(name(name));
        if (list != null) {
            list.removeIf(r -> r.getType() == type);
        }
        return this;
    }

    /**
     * Adds an SOA for a zone; negative answers below it carry it in the authority section (RFC 2308).
     *
     * @param zone the zone apex
     * @param ttl the SOA record's own TTL
     * @param minimum the SOA MINIMUM field (the negative-caching TTL)
     * @return this server
     */
    public LoopbackDnsServer soa(String zone, long ttl, long minimum) {
        return record(zone, Type.SOA, ttl, "ns." + absolute(zone) + " hostmaster." + absolute(zone)
                + " 1 3600 600 86400 " + minimum);
    }

    /**
     * Negative answers without any SOA record, as dnsmasq's {@code --local} answers and many forwarders send
     * them (default off: like a recursive resolver, negatives carry the enclosing zone's SOA added with
     * {@link #soa}, or else a made-up SOA of the top-level zone with TTL and minimum {@link #DEFAULT_TTL}).
     *
     * @param on whether to leave the SOA out
     * @return this server
     */
    public LoopbackDnsServer negativesWithoutSoa(boolean on) {
        this.negativesWithoutSoa = on;
        return this;
    }

    /**
     * Answer NXDOMAIN without an SOA for every name, whatever the zone holds: a sinkhole, captive or offline
     * resolver.
     *
     * @param on whether to deny everything
     * @return this server
     */
    public LoopbackDnsServer sinkhole(boolean on) {
        this.sinkhole = on;
        return this;
    }

    /**
     * When a name is a CNAME, answer with that CNAME record only, leaving out the target's records and any SOA
     * (some forwarders do): the client has to ask for the target itself.
     *
     * @param on whether to stop at the first CNAME
     * @return this server
     */
    public LoopbackDnsServer cnameOnly(boolean on) {
        this.cnameOnly = on;
        return this;
    }

    /**
     * Delays every answer by a uniformly random time in {@code [min, max]}, like a real recursive resolver's round
     * trips (a {@link Fault.Delay} of a name replaces it for that name). Zero for both answers at once (default).
     *
     * @param min the shortest delay
     * @param max the longest delay, not less than {@code min}
     * @return this server
     */
    public LoopbackDnsServer latency(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency: need 0 <= min <= max, got " + min + ", " + max);
        }
        this.latencySpreadNanos = max.toNanos() - min.toNanos();
        this.latencyMinNanos = min.toNanos();
        return this;
    }

    /**
     * Whether MX answers carry the A/AAAA records of their hosts in the additional section (default
     * {@code false}, as with most recursive resolvers).
     *
     * @param on the option
     * @return this server
     */
    public LoopbackDnsServer additionalAddresses(boolean on) {
        this.additionalAddresses = on;
        return this;
    }

    /**
     * Injects a fault for every query about {@code name}, whatever the type.
     *
     * @param name the name
     * @param fault the fault, or {@code null} to remove it
     * @return this server
     */
    public LoopbackDnsServer fault(String name, Fault fault) {
        if (fault == null) {
            faults.remove(name(name));
        } else {
            faults.put(name(name), fault);
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Counters

    /** @return how many queries for this name and type arrived (UDP and TCP) */
    public int queryCount(String name, int type) {
        AtomicInteger c = counts.get(key(name(name), type));
        return c == null ? 0 : c.get();
    }

    /** @return how many queries arrived over UDP */
    public int udpQueries() {
        return udpQueries.get();
    }

    /** @return how many queries arrived over TCP */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    /** @return how many queries arrived over UDP and TCP */
    public int totalQueries() {
        return udpQueries.get() + tcpQueries.get();
    }

    /** @return the number of queries per {@code name./TYPE} (lower-case absolute name), as a snapshot */
    public Map<String, Integer> queryCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Forgets the counters. */
    public void resetCounts() {
        counts.clear();
        udpQueries.set(0);
        tcpQueries.set(0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Serving

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
            if (!client.getAddress().isLoopbackAddress()) {
                continue; // bound to 127.0.0.1: cannot happen, but never answer anyone else
            }
            udpQueries.incrementAndGet();
            workers.execute(() -> respond(query, false, bytes -> {
                try {
                    udp.send(new DatagramPacket(bytes, bytes.length, client));
                } catch (IOException e) {
                    // the client is gone
                }
            }));
        }
    }

    private void serveTcp() {
        while (running) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            connections.add(socket);
            workers.execute(() -> serveConnection(socket));
        }
    }

    private void serveConnection(Socket socket) {
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (running) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] query = new byte[length];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                respond(query, true, bytes -> {
                    synchronized (out) {
                        try {
                            out.writeShort(bytes.length);
                            out.write(bytes);
                            out.flush();
                        } catch (IOException e) {
                            // the client is gone
                        }
                    }
                });
            }
        } catch (SocketException e) {
            // closed
        } catch (IOException e) {
            // broken connection
        } finally {
            connections.remove(socket);
        }
    }

    private interface Sender {
        void send(byte[] bytes);
    }

    private void respond(byte[] wire, boolean overTcp, Sender sender) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return; // not DNS: ignore
        }
        Record question = query.getQuestion();
        if (question == null) {
            return;
        }
        Name qname = question.getName();
        int qtype = question.getType();
        counts.computeIfAbsent(key(qname, qtype), k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.get(qname);
        if (fault instanceof Fault.Drop) {
            return;
        }
        if (fault instanceof Fault.Garbage) {
            byte[] junk = new byte[40];
            synchronized (random) {
                random.nextBytes(junk);
            }
            junk[0] = wire[0];
            junk[1] = wire[1];
            junk[2] = (byte) 0x81; // QR, RD
            junk[3] = (byte) 0x80; // RA, NOERROR
            junk[4] = 0; // QDCOUNT 1 …
            junk[5] = 1;
            junk[6] = (byte) 0xff; // … ANCOUNT 65535: far more than the bytes hold
            junk[7] = (byte) 0xff;
            sender.send(junk);
            return;
        }
        Message response = baseResponse(query);
        if (sinkhole) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (fault instanceof Fault.Referral) {
            response.getHeader().unsetFlag(Flags.RA);
            response.addRecord(new org.xbill.DNS.NSRecord(qname, DClass.IN, DEFAULT_TTL,
                    Name.fromConstantString("ns1.referral.test.")), Section.AUTHORITY);
        } else if (fault instanceof Fault.WithRcode r) {
            response.getHeader().setRcode(r.rcode());
        } else if (fault instanceof Fault.TruncateUdp && !overTcp) {
            response.getHeader().setFlag(Flags.TC);
        } else {
            answer(response, qname, qtype);
        }
        byte[] bytes = response.toWire(overTcp ? 65535 : 512);
        if (fault instanceof Fault.Held h) {
            h.release().whenComplete((x, e) -> sender.send(bytes));
            return;
        }
        long delay = fault instanceof Fault.Delay d ? d.delay().toNanos() : randomLatencyNanos();
        if (delay > 0) {
            delayer.schedule(() -> sender.send(bytes), delay, TimeUnit.NANOSECONDS);
        } else {
            sender.send(bytes);
        }
    }

    private long randomLatencyNanos() {
        long spread = latencySpreadNanos;
        long min = latencyMinNanos;
        return spread == 0 ? min : min + java.util.concurrent.ThreadLocalRandom.current().nextLong(spread + 1);
    }

    private static Message baseResponse(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.getHeader().setOpcode(Opcode.QUERY);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        return response;
    }

    private void answer(Message response, Name qname, int qtype) {
        Name current = qname;
        for (int hop = 0; hop < 20; hop++) {
            List<Record> here = records.getOrDefault(current, List.of());
            List<Record> matching = new ArrayList<>();
            Record cname = null;
            for (Record r : here) {
                if (r.getType() == qtype) {
                    matching.add(r);
                } else if (r.getType() == Type.CNAME) {
                    cname = r;
                }
            }
            if (!matching.isEmpty()) {
                for (Record r : matching) {
                    response.addRecord(r, Section.ANSWER);
                    if (additionalAddresses && r.getType() == Type.MX) {
                        Name host = ((org.xbill.DNS.MXRecord) r).getTarget();
                        for (Record h : records.getOrDefault(host, List.of())) {
                            if (h.getType() == Type.A || h.getType() == Type.AAAA) {
                                response.addRecord(h, Section.ADDITIONAL);
                            }
                        }
                    }
                }
                return;
            }
            if (cname == null || qtype == Type.CNAME) {
                if (here.isEmpty()) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                Record soa = negativesWithoutSoa ? null : enclosingSoa(current);
                if (soa != null) {
                    response.addRecord(soa, Section.AUTHORITY);
                }
                return;
            }
            response.addRecord(cname, Section.ANSWER);
            if (cnameOnly) {
                return;
            }
            current = ((org.xbill.DNS.CNAMERecord) cname).getTarget();
        }
    }

    private Record enclosingSoa(Name name) {
        for (int labels = name.labels(); labels >= 1; labels--) {
            Name zone = new Name(name, name.labels() - labels);
            for (Record r : records.getOrDefault(zone, List.of())) {
                if (r.getType() == Type.SOA) {
                    return r;
                }
            }
        }
        Name tld = new Name(name, name.labels() - 2);
        try {
            return Record.fromString(tld, Type.SOA, DClass.IN, DEFAULT_TTL, "ns." + tld + " hostmaster." + tld
                    + " 1 3600 600 86400 " + DEFAULT_TTL, Name.root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops serving and releases the sockets and threads. */
    @Override
    public void close() {
        running = false;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // ignore
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
        delayer.shutdownNow();
        workers.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String key(Name name, int type) {
        return name.toString().toLowerCase(Locale.ROOT) + "/" + Type.string(type);
    }

    private static Name name(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return Name.fromString(absolute(name));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad name: " + name, e);
        }
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
