package org.switchboard.media.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A phone on the far side of a leg: a UDP socket on 127.0.0.1 that writes SDP and sends and receives RTP. */
final class RemoteParty implements AutoCloseable {
    private final DatagramSocket socket;
    private final long ssrc;
    private int sequence = 1000;
    private long timestamp = 50_000;

    RemoteParty(long ssrc) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.ssrc = ssrc;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An SDP offer (or answer) with these {@code m=} formats and extra attribute lines, sendrecv unless given. */
    String sdp(String formats, String... attributes) {
        return sdpAt(port(), formats, attributes);
    }

    static String sdpAt(int port, String formats, String... attributes) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio " + port + " RTP/AVP " + formats + "\r\n");
        for (String attribute : attributes) {
            sdp.append(attribute).append("\r\n");
        }
        return sdp.toString();
    }

    /** Sends the next audio packet of this party's stream (sequence +1, timestamp +payload length). */
    void sendAudio(int port, int payloadType, byte[] payload) throws IOException {
        send(port, new RtpPacket(false, payloadType, sequence, timestamp, ssrc, payload));
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += payload.length;
    }

    /** Skips sequence numbers, as if packets were lost on the way. */
    void lose(int packets) {
        sequence = (sequence + packets) & 0xFFFF;
        timestamp += 160L * packets;
    }

    /** Sends one packet of a telephone event that began at {@code eventTimestamp}. */
    void sendEvent(int port, int payloadType, long eventTimestamp, TelephoneEvent event) throws IOException {
        send(port, new RtpPacket(false, payloadType, sequence, eventTimestamp, ssrc, event.toBytes()));
        sequence = (sequence + 1) & 0xFFFF;
    }

    long timestamp() {
        return timestamp;
    }

    void send(int port, RtpPacket packet) throws IOException {
        sendRaw(port, packet.toBytes());
    }

    void sendRaw(int port, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The next RTP packet that arrives, or null after {@code timeoutMillis}. */
    RtpPacket receive(int timeoutMillis) throws Exception {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(timeoutMillis);
        try {
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return RtpPacket.parse(ByteBuffer.wrap(buffer, 0, datagram.getLength()));
    }

    /** Packets received until {@code accept} has seen what it waits for, or the time is up (then fails). */
    List<RtpPacket> receiveUntil(java.util.function.Predicate<List<RtpPacket>> done, int timeoutMillis)
            throws Exception {
        List<RtpPacket> packets = new ArrayList<>();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.test(packets)) {
            int left = (int) (end - System.currentTimeMillis());
            if (left <= 0) {
                throw new AssertionError("gave up waiting after " + packets.size() + " packets");
            }
            RtpPacket packet = receive(left);
            if (packet != null) {
                packets.add(packet);
            }
        }
        return packets;
    }

    @Override
    public void close() {
        socket.close();
    }
}
