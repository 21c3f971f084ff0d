package io.github.customeremail.dns;

import org.xbill.DNS.NioClient;

/**
 * Counts the open checkers that use dnsjava's process-wide NIO machinery (one selector thread shared by every
 * {@code SimpleResolver} in the JVM) and stops it with {@link NioClient#close()} when the last one closes.
 * dnsjava starts it again on the next query, so a later checker keeps working.
 */
final class DnsjavaNio {

    private static int users;

    private DnsjavaNio() {
    }

    static synchronized void acquire() {
        users++;
    }

    static synchronized void release() {
        users--;
        if (users == 0) {
            if ("dnsjava NIO selector".equals(Thread.currentThread().getName())) {
                // NioClient.close() joins the selector thread: never call it from that thread.
                Thread stopper = new Thread(NioClient::close, "customer-email-dns-nio-stop");
                stopper.setDaemon(true);
                stopper.start();
            } else {
                NioClient.close();
            }
        }
    }
}
