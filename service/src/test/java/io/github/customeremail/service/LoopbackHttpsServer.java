package io.github.customeremail.service;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTPS server on 127.0.0.1 standing in for SNS's certificate host and subscription endpoint: serves the test
 * certificates and records every request path.
 */
final class LoopbackHttpsServer implements AutoCloseable {

    private static LoopbackHttpsServer shared;

    private final HttpsServer server;
    private final TestCertificates certs;
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** @return one server for all test classes of this run, started on first use */
    static synchronized LoopbackHttpsServer shared() throws Exception {
        if (shared == null) {
            shared = new LoopbackHttpsServer(TestCertificates.get());
        }
        return shared;
    }

    LoopbackHttpsServer(TestCertificates certs) throws Exception {
        this.certs = certs;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestURI().toString());
            byte[] body;
            int status = 200;
            if (path.equals("/sns.pem") || path.equals("/expired.pem")) {
                body = certs.pem(path.substring(1, path.length() - 4));
            } else if (path.equals("/garbage.pem")) {
                body = "not a certificate".getBytes();
            } else if (path.equals("/confirm")) {
                body = "<ConfirmSubscriptionResponse/>".getBytes();
            } else {
                status = 404;
                body = new byte[0];
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** @return a signer with the valid test key whose certificate this server serves */
    SnsSigner signer() throws Exception {
        return new SnsSigner(certs.key("sns"), url("/sns.pem"));
    }

    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
