package io.github.customeremail.dns;

import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/**
 * How the checker's questions travel over UDP: its own {@link UdpClient} wherever dnsjava lets it plug one in,
 * otherwise dnsjava's own client.
 *
 * <p>dnsjava's module descriptor (3.7.1) does not export {@code org.xbill.DNS.io}, the package of
 * {@code SimpleResolver.setIoClientFactory}'s types, although its OSGi manifest does. On the class path every
 * package is open to everyone; on the module path the checker's own client is used only when the application adds
 * {@code --add-exports org.dnsjava/org.xbill.DNS.io=io.github.customeremail.dns}, and otherwise falls back to
 * dnsjava's client, whose sockets of questions given up close only at their own timeout. No type of that package
 * appears here, so this interface loads in either case; {@link UdpClient} is loaded only when it can be.
 */
interface UdpTransport extends AutoCloseable {

    /** A question being sent, which can be given up (its socket closed at once, where the transport can). */
    interface Question extends AutoCloseable {
        /** Gives the question up. */
        void cancel();

        /** Forgets the question once its future has completed. */
        @Override
        void close();
    }

    /** @return the checker's own client where dnsjava's module lets it be plugged in, dnsjava's client otherwise */
    static UdpTransport create() {
        Module dnsjava = SimpleResolver.class.getModule();
        boolean open = !dnsjava.isNamed() || dnsjava.isExported("org.xbill.DNS.io", UdpTransport.class.getModule());
        return open ? UdpClient.create() : DnsjavaUdp.INSTANCE;
    }

    /** Makes {@code server} send its questions through this transport. */
    void plugInto(SimpleResolver server);

    /** Registers a question about to be sent (its id may change so that no two questions in flight share it). */
    Question track(Message query);

    /** @return UDP sockets open now, as far as this transport knows */
    int open();

    /** @return the most UDP sockets open at once, as far as this transport knows */
    int most();

    @Override
    void close();

    /** dnsjava's own UDP client: nothing to plug in, nothing to count, questions given up close at their timeout. */
    enum DnsjavaUdp implements UdpTransport, Question {
        INSTANCE;

        @Override
        public void plugInto(SimpleResolver server) {
            // dnsjava's default transport stays
        }

        @Override
        public Question track(Message query) {
            return this;
        }

        @Override
        public void cancel() {
            // dnsjava's client cannot be told
        }

        @Override
        public int open() {
            return 0;
        }

        @Override
        public int most() {
            return 0;
        }

        @Override
        public void close() {
            // nothing of its own
        }
    }
}
