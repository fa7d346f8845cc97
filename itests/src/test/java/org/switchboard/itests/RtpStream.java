package org.switchboard.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RTP side of a test phone: a socket on 127.0.0.1 that records the PCMU audio it receives from the server's media
 * addresses (payloads in order of arrival) and sends packets of one stream (one SSRC, continuous sequence numbers and
 * timestamps) to the latest of them once it is known. Packets from any other address are not part of the call: a
 * port the system hands out again may still get packets that a call of an earlier test sent to it.
 */
final class RtpStream implements AutoCloseable {
    static final int FRAME = 160;

    private final DatagramSocket socket;
    private final List<Received> received = new ArrayList<>();
    private final Thread reader;
    private final int ssrc;
    private volatile InetSocketAddress remote;
    private final Set<InetSocketAddress> serverAddresses = ConcurrentHashMap.newKeySet();
    private int sequence;
    private long timestamp;

    RtpStream(int ssrc) throws SocketException {
        this.ssrc = ssrc;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = new Thread(this::read, "rtp-stream-" + Integer.toHexString(ssrc));
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void remote(InetSocketAddress address) {
        serverAddresses.add(address);
        remote = address;
    }

    InetSocketAddress remote() {
        return remote;
    }

    /** Sends one packet of this stream; {@code advance} is how far its timestamp moves the stream's clock. */
    synchronized void send(int payloadType, boolean marker, long packetTimestamp, byte[] payload, int advance)
            throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
        packet.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence++)
                .putInt((int) packetTimestamp).putInt(ssrc).put(payload);
        socket.send(new DatagramPacket(packet.array(), packet.capacity(), remote));
        timestamp += advance;
    }

    synchronized long timestamp() {
        return timestamp;
    }

    /**
     * Speaks a sine tone: PCMU frames of 20 ms sent on a steady 20 ms schedule from a thread of its own, once the
     * server's media address is known, until the returned handle is closed.
     */
    AutoCloseable speakTone(double hertz) {
        Thread speaker = new Thread(() -> {
            long next = System.nanoTime();
            for (long frame = 0; !socket.isClosed() && !Thread.currentThread().isInterrupted(); frame++) {
                byte[] payload = new byte[FRAME];
                for (int i = 0; i < FRAME; i++) {
                    long n = frame * FRAME + i;
                    payload[i] = muLaw((int) Math.round(8000 * Math.sin(2 * Math.PI * hertz * n / 8000)));
                }
                try {
                    if (remote != null) { // silent until the call tells where to send
                        send(0, false, timestamp(), payload, FRAME);
                    }
                    next += 20_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "rtp-tone-" + hertz);
        speaker.setDaemon(true);
        speaker.start();
        return () -> {
            speaker.interrupt();
            speaker.join(1000);
        };
    }

    /** The µ-law bytes received so far from the server's media addresses (none while no address is known). */
    byte[] audio() {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        synchronized (received) {
            received.stream().filter(packet -> serverAddresses.contains(packet.source()))
                    .forEach(packet -> audio.writeBytes(packet.payload()));
        }
        return audio.toByteArray();
    }

    /** How many µ-law bytes (samples) were received so far from the server's media addresses. */
    int received() {
        synchronized (received) {
            return received.stream().filter(packet -> serverAddresses.contains(packet.source()))
                    .mapToInt(packet -> packet.payload().length).sum();
        }
    }

    /** G.711 µ-law of a 16-bit sample. */
    static byte muLaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A packet may come before the 200 OK that says where the server sends from: the source is kept with it. */
    private record Received(InetSocketAddress source, byte[] payload) {
    }

    private void read() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            try {
                socket.setSoTimeout(200);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                int length = packet.getLength();
                if (length <= 12 || (buffer[1] & 0x7f) != 0) {
                    continue; // not PCMU audio
                }
                int headerLength = 12 + 4 * (buffer[0] & 0x0f);
                byte[] payload = Arrays.copyOfRange(buffer, headerLength, length);
                synchronized (received) {
                    received.add(new Received((InetSocketAddress) packet.getSocketAddress(), payload));
                }
            } catch (SocketTimeoutException e) {
                // look at the socket again
            } catch (IOException e) {
                return;
            }
        }
    }
}
