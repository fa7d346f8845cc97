package org.switchboard.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends bytes that no well-behaved user agent would send to the server on 127.0.0.1, over UDP or TCP, and
 * collects what comes back. Every exchange is bounded in time; nothing here retransmits or acknowledges.
 */
final class RawSipClient {
    static final String HOST = "127.0.0.1";
    private static final int MAX_DATAGRAM = 65_535;

    private final InetAddress server;
    private final int serverPort;

    RawSipClient(int serverPort) {
        try {
            this.server = InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new IllegalStateException("127.0.0.1 is always an address", e);
        }
        this.serverPort = serverPort;
    }

    // ---- UDP

    /**
     * Sends one datagram from a fresh port and collects the responses that come back to that port: until a final
     * response has arrived (then a few milliseconds more, for a duplicate) or {@code window} has passed; with
     * {@code untilFinal} false, for the whole window.
     */
    List<RawSipResponse> udp(byte[] datagram, Duration window, boolean untilFinal) throws IOException {
        try (UdpEndpoint endpoint = udpEndpoint()) {
            endpoint.send(datagram);
            return endpoint.receive(window, untilFinal);
        }
    }

    /** A UDP socket on 127.0.0.1 (ephemeral port) to send many datagrams from and read what comes back. */
    UdpEndpoint udpEndpoint() throws IOException {
        return new UdpEndpoint();
    }

    final class UdpEndpoint implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(server, 0));
        private final byte[] buffer = new byte[MAX_DATAGRAM];

        private UdpEndpoint() throws IOException {
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void send(byte[] datagram) throws IOException {
            socket.send(new DatagramPacket(datagram, datagram.length, server, serverPort));
        }

        /** Responses that arrive within {@code window} (see {@link RawSipClient#udp}); other datagrams are skipped. */
        List<RawSipResponse> receive(Duration window, boolean untilFinal) throws IOException {
            List<RawSipResponse> responses = new ArrayList<>();
            long deadline = System.nanoTime() + window.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return responses;
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return responses;
                }
                RawSipResponse.parse(packet.getData(), packet.getOffset(), packet.getLength())
                        .ifPresent(responses::add);
                if (untilFinal && responses.stream().anyMatch(RawSipResponse::isFinal)) {
                    deadline = Math.min(deadline, System.nanoTime() + Duration.ofMillis(30).toNanos());
                    untilFinal = false;
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    // ---- TCP

    /** Opens a TCP connection to the server (2 s to connect). */
    TcpConnection tcp() throws IOException {
        return new TcpConnection();
    }

    /** What happened to one message sent over its own TCP connection. */
    record TcpExchange(List<RawSipResponse> responses, boolean closedByServer) {
    }

    /**
     * Sends the message over a new connection, collects responses like {@link #udp}, notes whether the server
     * closed the connection meanwhile, and closes it.
     */
    TcpExchange tcp(byte[] message, Duration window, boolean untilFinal) throws IOException {
        try (TcpConnection connection = tcp()) {
            connection.send(message);
            List<RawSipResponse> responses = connection.receive(window, untilFinal);
            return new TcpExchange(responses, connection.closedByServer());
        }
    }

    final class TcpConnection implements AutoCloseable {
        private final Socket socket = new Socket();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int responsesSeen;
        private boolean closedByServer;

        private TcpConnection() throws IOException {
            socket.connect(new InetSocketAddress(server, serverPort), 2000);
            socket.setTcpNoDelay(true);
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void send(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        /** Writes the bytes; false when the server closed or reset the connection meanwhile. */
        boolean offer(byte[] bytes) {
            try {
                send(bytes);
                return true;
            } catch (IOException e) {
                closedByServer = true;
                return false;
            }
        }

        /**
         * Writes one byte at a time with {@code gap} between bytes; returns how many were written before the
         * server closed or reset the connection (all of them when it did not).
         */
        int sendSlowly(byte[] bytes, Duration gap) throws InterruptedException {
            int written = 0;
            try {
                OutputStream out = socket.getOutputStream();
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    written++;
                    Thread.sleep(gap.toMillis());
                }
                return written;
            } catch (IOException e) {
                closedByServer = true;
                return written;
            }
        }

        /** New responses that arrive within the window (like {@link RawSipClient#udp}). */
        List<RawSipResponse> receive(Duration window, boolean untilFinal) throws IOException {
            long deadline = System.nanoTime() + window.toNanos();
            byte[] chunk = new byte[16 * 1024];
            InputStream in = socket.getInputStream();
            while (!closedByServer) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                try {
                    int n = in.read(chunk);
                    if (n < 0) {
                        closedByServer = true;
                    } else {
                        received.write(chunk, 0, n);
                    }
                } catch (SocketTimeoutException e) {
                    break;
                } catch (IOException e) {
                    closedByServer = true; // reset by the server
                }
                if (untilFinal && complete().stream().anyMatch(RawSipResponse::isFinal)) {
                    deadline = Math.min(deadline, System.nanoTime() + Duration.ofMillis(30).toNanos());
                    untilFinal = false;
                }
            }
            List<RawSipResponse> all = complete();
            List<RawSipResponse> fresh = List.copyOf(all.subList(responsesSeen, all.size()));
            responsesSeen = all.size();
            return fresh;
        }

        /**
         * Waits, reading and discarding, until the server closes the connection; the time it took, or empty when
         * it was still open after {@code max}.
         */
        Optional<Duration> awaitClosedByServer(Duration max) throws IOException {
            long start = System.nanoTime();
            receive(max, false);
            return closedByServer ? Optional.of(Duration.ofNanos(System.nanoTime() - start)) : Optional.empty();
        }

        boolean closedByServer() {
            return closedByServer;
        }

        private List<RawSipResponse> complete() {
            byte[] bytes = received.toByteArray();
            return RawSipResponse.parseStream(bytes, bytes.length);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket to ourselves; nothing to do
            }
        }
    }

    // ---- message helpers

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Adds {@code ;rport} (RFC 3581) right after the sent-by of the first Via header field value, unless it has
     * one, so that the server answers a request sent over UDP to the port it came from rather than to the
     * sent-by's port (5060 by default) on 127.0.0.1. Nothing else of the message changes, folding and odd
     * spacing included; a message whose first Via cannot be read that far is returned as it is.
     */
    static byte[] withRport(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int[] via = firstHeaderField(text, "Via", "v");
        if (via == null || text.substring(via[0], via[1]).toLowerCase(Locale.ROOT).contains("rport")) {
            return message;
        }
        int insertAt = afterSentBy(text, via[0] + 1, via[1]);
        if (insertAt < 0) {
            return message;
        }
        return ascii(text.substring(0, insertAt) + ";rport" + text.substring(insertAt));
    }

    /**
     * The first header field with this name (long or compact form, any case, spaces before the colon allowed):
     * {index of its colon, end of its value including folded lines}, or null.
     */
    static int[] firstHeaderField(String text, String name, String compact) {
        int headerEnd = text.indexOf("\r\n\r\n");
        int limit = headerEnd < 0 ? text.length() : headerEnd;
        int lineStart = text.indexOf("\r\n") + 2;
        while (lineStart > 1 && lineStart < limit) {
            int colon = text.indexOf(':', lineStart);
            int lineEnd = text.indexOf("\r\n", lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            boolean continuation = text.charAt(lineStart) == ' ' || text.charAt(lineStart) == '\t';
            if (!continuation && colon > 0 && colon < lineEnd) {
                String field = text.substring(lineStart, colon).trim().toLowerCase(Locale.ROOT);
                if (field.equals(name.toLowerCase(Locale.ROOT)) || field.equals(compact)) {
                    return new int[] { colon, fieldEnd(text, lineEnd) };
                }
            }
            lineStart = lineEnd + 2;
        }
        return null;
    }

    /** Where a header field that starts on the line ending at {@code lineEnd} ends, after its folded lines. */
    private static int fieldEnd(String text, int lineEnd) {
        int end = lineEnd;
        while (end + 2 < text.length() && (text.charAt(end + 2) == ' ' || text.charAt(end + 2) == '\t')) {
            int next = text.indexOf("\r\n", end + 2);
            end = next < 0 ? text.length() : next;
        }
        return end;
    }

    /** The index just after host[:port] of the first via-parm in text[from, to), or -1. */
    private static int afterSentBy(String text, int from, int to) {
        int slashes = 0;
        int i = from;
        while (i < to && slashes < 2) {
            if (text.charAt(i++) == '/') {
                slashes++;
            }
        }
        if (slashes < 2) {
            return -1;
        }
        i = skipWhitespace(text, i, to);
        while (i < to && isTokenChar(text.charAt(i))) {
            i++; // transport
        }
        i = skipWhitespace(text, i, to);
        if (i < to && text.charAt(i) == '[') {
            int close = text.indexOf(']', i);
            if (close < 0 || close >= to) {
                return -1;
            }
            i = close + 1;
        } else {
            int hostStart = i;
            while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                    || text.charAt(i) == '-')) {
                i++;
            }
            if (i == hostStart) {
                return -1;
            }
        }
        if (i < to && text.charAt(i) == ':') {
            int portStart = ++i;
            while (i < to && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == portStart) {
                return -1;
            }
        }
        return i;
    }

    private static int skipWhitespace(String text, int i, int to) {
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r'
                || text.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || "-.!%*_+`'~".indexOf(c) >= 0;
    }
}
