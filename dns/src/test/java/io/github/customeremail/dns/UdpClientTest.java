package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** {@link UdpClient} against a hand-driven UDP socket on 127.0.0.1 that plays the server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpClientTest {

    DatagramChannel server;
    UdpClient client;

    @BeforeEach
    void start() throws Exception {
        server = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new UdpClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void datagramsThatDoNotAnswerTheQuestionAreIgnored() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("example.test."), Type.MX, DClass.IN));
        CompletableFuture<byte[]> reply = send(query, Duration.ofMinutes(10));
        ByteBuffer in = ByteBuffer.allocate(512);
        InetSocketAddress from = (InetSocketAddress) server.receive(in);

        Message wrongId = response(query);
        wrongId.getHeader().setID((query.getHeader().getID() + 1) & 0xffff);
        server.send(ByteBuffer.wrap(wrongId.toWire()), from);
        Message otherQuestion = response(Message.newQuery(
                Record.newRecord(Name.fromString("other.test."), Type.MX, DClass.IN)));
        otherQuestion.getHeader().setID(query.getHeader().getID());
        server.send(ByteBuffer.wrap(otherQuestion.toWire()), from);
        Message queryEcho = query.clone(); // right id and question, but not a response
        server.send(ByteBuffer.wrap(queryEcho.toWire()), from);
        byte[] rightWire = response(query).toWire();
        rightWire[13] = (byte) Character.toUpperCase(rightWire[13]); // the name's case changed, as some servers do
        server.send(ByteBuffer.wrap(rightWire), from);

        assertThat(reply.get(30, TimeUnit.SECONDS)).isEqualTo(rightWire);
        assertThat(client.open()).isZero();
    }

    @Test
    void aQuestionWithoutReplyTimesOutAndClosesItsSocket() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("silent.test."), Type.A, DClass.IN));
        CompletableFuture<byte[]> reply = send(query, Duration.ofMillis(200));
        assertThatThrownBy(() -> reply.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(client.open()).isZero();
    }

    @Test
    void aTicketCancelledGivesUpTheQuestionAndItsRetries() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("given-up.test."), Type.A, DClass.IN));
        UdpClient.Ticket ticket = client.track(query);
        CompletableFuture<byte[]> reply = send(query, Duration.ofMinutes(10));
        assertThat(client.open()).isEqualTo(1);

        ticket.cancel();

        assertThat(reply).isCancelled();
        assertThat(client.open()).isZero();
        assertThat(send(query, Duration.ofMinutes(10))).as("a retry after giving up").isCompletedExceptionally();
        assertThat(client.most()).isEqualTo(1);
    }

    @Test
    void twoQuestionsInFlightNeverShareAnIdAndQuestion() throws Exception {
        Message first = Message.newQuery(Record.newRecord(Name.fromString("same.test."), Type.A, DClass.IN));
        Message second = first.clone();
        UdpClient.Ticket one = client.track(first);
        UdpClient.Ticket two = client.track(second);
        assertThat(second.getHeader().getID()).isNotEqualTo(first.getHeader().getID());
        one.close();
        two.close();
    }

    private CompletableFuture<byte[]> send(Message query, Duration timeout) throws Exception {
        return client.sendAndReceiveUdp(null, (InetSocketAddress) server.getLocalAddress(), query, query.toWire(),
                512, timeout);
    }

    private static Message response(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
        return response;
    }
}
