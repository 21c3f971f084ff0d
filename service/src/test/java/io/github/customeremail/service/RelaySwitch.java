package io.github.customeremail.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * A loopback port in front of the tests' SMTP server that can pass mail on, refuse it, or go silent: the mail relay
 * as it is on a good day, when it is down, and when it hangs.
 */
final class RelaySwitch implements AutoCloseable {

    /** What the relay does with the next connection. */
    enum Mode {
        /** Passes the connection on to the real SMTP server. */
        UP,
        /** Closes the connection at once, as a relay that is down or refusing. */
        DOWN,
        /** Keeps the connection open and never says a word, as a hung relay. */
        SILENT
    }

    private final ServerSocket server;
    private final IntSupplier target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;

    RelaySwitch(IntSupplier target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "relay-switch");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                switch (mode) {
                    case DOWN -> client.close();
                    case SILENT -> { } // held open until close()
                    case UP -> {
                        Socket relay = new Socket(InetAddress.getLoopbackAddress(), target.getAsInt());
                        open.add(relay);
                        pump(client.getInputStream(), relay.getOutputStream(), relay);
                        pump(relay.getInputStream(), client.getOutputStream(), client);
                    }
                }
            } catch (IOException e) {
                // closed, or one connection failed: the next one is served all the same
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, Socket closeAfter) {
        Thread t = new Thread(() -> {
            try (closeAfter) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side went away
            }
        }, "relay-switch-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
