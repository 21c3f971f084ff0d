package io.github.customeremail.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.io.DefaultIoClientFactory;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/**
 * dnsjava's UDP transport for one checker, with sockets that close when their question is given up. dnsjava's own
 * {@code NioUdpClient} closes a socket only on the reply, on its timeout (noticed only when its selector is idle) or
 * when the whole client closes; the future of {@code SimpleResolver.sendAsync} is a copy, so cancelling it never
 * reaches the socket. Here every question has its own {@link DatagramChannel} on a random source port (as dnsjava
 * does, against spoofed replies), connected to the server, watched by one selector thread; the channel is closed as
 * soon as its future completes: reply, timeout, or {@link Ticket#cancel()} of the question it carries.
 *
 * <p>A reply is accepted only with the query's id and question (RFC 5452); other datagrams are ignored. The timeout
 * is enforced by the selector itself, to the millisecond.
 */
final class UdpClient implements UdpIoClient, UdpTransport {

    private static final int EPHEMERAL_START = 1024;
    private static final int BIND_ATTEMPTS = 16;
    private static final int HEADER = 12;

    private final SecureRandom random = new SecureRandom();
    private final Selector selector;
    private final Thread thread;
    private final Queue<Transaction> toRegister = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Key, Ticket> tickets = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private volatile boolean closed;

    /** @return a new client, typed as the transport so that a caller's code never links against this class */
    static UdpTransport create() {
        return new UdpClient();
    }

    UdpClient() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector for DNS over UDP", e);
        }
        this.thread = new Thread(this::run, "customer-email-dns-udp");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void plugInto(SimpleResolver server) {
        server.setIoClientFactory(transports());
    }

    /** @return this client for UDP, dnsjava's own for TCP (a truncated answer is asked again over TCP) */
    IoClientFactory transports() {
        TcpIoClient tcp = new DefaultIoClientFactory().createOrGetTcpClient();
        UdpIoClient udp = this;
        return new IoClientFactory() {
            @Override
            public TcpIoClient createOrGetTcpClient() {
                return tcp;
            }

            @Override
            public UdpIoClient createOrGetUdpClient() {
                return udp;
            }
        };
    }

    /**
     * Registers a question about to be sent, so that it can be given up: its id is changed if another question
     * in flight has the same id and question.
     *
     * @return the ticket; {@link Ticket#close()} it when the question's future completes
     */
    @Override
    public Ticket track(Message query) {
        while (true) {
            Key key = Key.of(query);
            Ticket ticket = new Ticket(key);
            if (tickets.putIfAbsent(key, ticket) == null) {
                return ticket;
            }
            query.getHeader().setID(random.nextInt(0x10000));
        }
    }

    @Override
    public CompletableFuture<byte[]> sendAndReceiveUdp(InetSocketAddress local, InetSocketAddress remote,
                                                       Message query, byte[] data, int max, Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("DNS client closed"));
        }
        Key key = Key.of(query);
        Ticket ticket = tickets.get(key);
        if (ticket != null && ticket.cancelled) {
            // a retry of a question given up: nothing is sent
            return CompletableFuture.failedFuture(new CancellationException("question given up"));
        }
        DatagramChannel channel;
        try {
            channel = DatagramChannel.open();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        most.accumulateAndGet(open.incrementAndGet(), Math::max);
        Transaction tx = new Transaction(channel, data, max, System.nanoTime() + timeout.toNanos());
        tx.future.whenComplete((reply, error) -> {
            tx.close();
            if (ticket != null) {
                ticket.transactions.remove(tx);
            }
        });
        try {
            channel.configureBlocking(false);
            bind(channel, local);
            channel.connect(remote);
            channel.write(ByteBuffer.wrap(data));
        } catch (IOException | RuntimeException e) {
            tx.future.completeExceptionally(e);
            return tx.future;
        }
        if (ticket != null) {
            ticket.transactions.add(tx);
            if (ticket.cancelled) {
                tx.future.cancel(false); // given up while this attempt was being sent
                return tx.future;
            }
        }
        toRegister.add(tx);
        selector.wakeup();
        return tx.future;
    }

    /** A random source port, as dnsjava picks one; the system's choice if the random ones are taken. */
    private void bind(DatagramChannel channel, InetSocketAddress local) throws IOException {
        if (local != null && local.getPort() != 0) {
            channel.bind(local);
            return;
        }
        for (int i = 0; i < BIND_ATTEMPTS; i++) {
            int port = EPHEMERAL_START + random.nextInt(65536 - EPHEMERAL_START);
            try {
                channel.bind(local == null ? new InetSocketAddress(port)
                        : new InetSocketAddress(local.getAddress(), port));
                return;
            } catch (java.net.BindException e) {
                // taken: try another
            }
        }
        channel.bind(local);
    }

    private void run() {
        List<Transaction> active = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(65535);
        while (!closed) {
            try {
                long wait = 0;
                long now = System.nanoTime();
                for (Transaction tx : active) {
                    long left = Math.max(1, (tx.deadline - now + 999_999) / 1_000_000);
                    wait = wait == 0 ? left : Math.min(wait, left);
                }
                selector.select(wait);
                Transaction tx;
                while ((tx = toRegister.poll()) != null) {
                    try {
                        tx.channel.register(selector, SelectionKey.OP_READ, tx);
                        active.add(tx);
                    } catch (ClosedChannelException e) {
                        tx.future.completeExceptionally(e); // completed and closed meanwhile
                    }
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        if (key.isReadable()) {
                            read((Transaction) key.attachment(), buffer);
                        }
                    } catch (CancelledKeyException e) {
                        // its question completed on another thread meanwhile
                    }
                }
                now = System.nanoTime();
                for (Transaction t : active) {
                    if (!t.future.isDone() && t.deadline - now <= 0) {
                        t.future.completeExceptionally(new SocketTimeoutException("Query timed out"));
                    }
                }
                active.removeIf(t -> t.future.isDone());
            } catch (IOException | RuntimeException e) {
                for (Transaction t : active) {
                    t.future.completeExceptionally(e);
                }
                active.clear();
            }
        }
        for (Transaction t : active) {
            t.future.completeExceptionally(new IOException("DNS client closed"));
        }
        Transaction t;
        while ((t = toRegister.poll()) != null) {
            t.future.completeExceptionally(new IOException("DNS client closed"));
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static void read(Transaction tx, ByteBuffer buffer) {
        while (!tx.future.isDone()) {
            buffer.clear();
            int n;
            try {
                n = tx.channel.read(buffer);
            } catch (IOException e) {
                tx.future.completeExceptionally(e); // e.g. ICMP port unreachable
                return;
            }
            if (n <= 0) {
                return;
            }
            byte[] reply = Arrays.copyOf(buffer.array(), Math.min(n, tx.max));
            if (answers(tx.query, reply)) {
                tx.future.complete(reply);
            }
        }
    }

    /** @return whether {@code reply} is a response with the query's id and the same question (RFC 5452) */
    static boolean answers(byte[] query, byte[] reply) {
        int end = questionEnd(query);
        if (end < 0 || reply.length < end || (reply[2] & 0x80) == 0) {
            return false;
        }
        if (reply[0] != query[0] || reply[1] != query[1] || reply[4] != 0 || reply[5] != 1) {
            return false;
        }
        for (int i = HEADER; i < end; i++) {
            if (lower(reply[i]) != lower(query[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return the offset just after the first question (name, type, class) of a query, or -1 */
    private static int questionEnd(byte[] query) {
        int i = HEADER;
        while (i < query.length) {
            int len = query[i] & 0xff;
            if (len == 0) {
                int end = i + 1 + 4;
                return end <= query.length ? end : -1;
            }
            if (len > 63) {
                return -1; // a query's name is never compressed
            }
            i += len + 1;
        }
        return -1;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** @return sockets open now */
    @Override
    public int open() {
        return open.get();
    }

    /** @return the most sockets open at once */
    @Override
    public int most() {
        return most.get();
    }

    /** Fails every question in flight, closes their sockets and stops the selector thread. Idempotent. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One question being sent: lets it be given up, which closes its socket at once. */
    final class Ticket implements UdpTransport.Question {
        private final Key key;
        private final Set<Transaction> transactions = ConcurrentHashMap.newKeySet();
        private volatile boolean cancelled;

        private Ticket(Key key) {
            this.key = key;
        }

        /** Gives the question up: closes its socket now, and a retry dnsjava may still make sends nothing. */
        @Override
        public void cancel() {
            cancelled = true;
            for (Transaction tx : transactions) {
                tx.future.cancel(false);
            }
        }

        /** Forgets the question (its future has completed); its id may be used again. */
        @Override
        public void close() {
            cancel();
            tickets.remove(key, this);
        }
    }

    /** A question's identity on the wire: id and question. */
    private record Key(int id, Name name, int type, int dclass) {
        static Key of(Message query) {
            var q = query.getQuestion();
            return new Key(query.getHeader().getID(), q.getName(), q.getType(), q.getDClass());
        }
    }

    private final class Transaction {
        final DatagramChannel channel;
        final byte[] query;
        final int max;
        final long deadline;
        final CompletableFuture<byte[]> future = new CompletableFuture<>();
        private final AtomicBoolean closedOnce = new AtomicBoolean();

        Transaction(DatagramChannel channel, byte[] query, int max, long deadline) {
            this.channel = channel;
            this.query = query;
            this.max = max;
            this.deadline = deadline;
        }

        void close() {
            if (closedOnce.compareAndSet(false, true)) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // released anyway
                }
                open.decrementAndGet();
                // a registered channel's socket is released when the selector next looks at its keys
                selector.wakeup();
            }
        }
    }
}
