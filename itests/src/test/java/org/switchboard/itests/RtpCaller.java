package org.switchboard.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caller's phone written for the tests: SIP over UDP and an RTP socket of its own on 127.0.0.1. It places a
 * call with a PCMU + telephone-event offer, records the audio the server sends (µ-law payloads, in order of
 * arrival), presses keys as RFC 4733 events, and answers or sends BYE. One call per instance.
 */
final class RtpCaller implements AutoCloseable, TestPhone {
    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern TO_TAG = Pattern.compile("(?mi)^(?:To|t):.*;tag=([^;\\s]+)");
    private static final int TELEPHONE_EVENT = 101;

    private final InetAddress host = InetAddress.getLoopbackAddress();
    private final int serverPort;
    private final String fromUser;
    private final DatagramSocket sip;
    private final RtpStream rtp = new RtpStream(0x5eed1234);
    private final String callId = "rtp-caller-" + System.nanoTime() + "@127.0.0.1";
    private final String fromTag = Long.toHexString(System.nanoTime());
    private final BlockingQueue<String> sipMessages = new LinkedBlockingQueue<>();
    private final Thread sipReader;
    private volatile boolean byeReceived;
    private String number;
    private String toTag;
    private int cseq = 1;

    RtpCaller(int serverPort, String fromUser) throws SocketException {
        this.serverPort = serverPort;
        this.fromUser = fromUser;
        this.sip = new DatagramSocket(new InetSocketAddress(host, 0));
        sipReader = new Thread(this::readSip, "rtp-caller-sip");
        sipReader.setDaemon(true);
        sipReader.start();
    }

    /**
     * Sends the INVITE and waits for its final response; a 2xx is acknowledged and its SDP tells where to send
     * RTP. Returns the final status (0 when none came in time).
     */
    int call(String number, Duration wait) throws IOException, InterruptedException {
        this.number = number;
        String sdp = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.port() + " RTP/AVP 0 " + TELEPHONE_EVENT + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:" + TELEPHONE_EVENT + " telephone-event/8000\r\n"
                + "a=fmtp:" + TELEPHONE_EVENT + " 0-15\r\na=ptime:20\r\na=sendrecv\r\n";
        send(request("INVITE", "z9hG4bK-inv-" + System.nanoTime(), null)
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            String message = sipMessages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null) {
                break;
            }
            if (!message.startsWith("SIP/2.0 ") || !message.contains(" INVITE\r\n")) {
                continue;
            }
            int status = Integer.parseInt(message.substring(8, 11));
            if (status < 200) {
                continue;
            }
            Matcher tag = TO_TAG.matcher(message);
            toTag = tag.find() ? tag.group(1) : null;
            if (status < 300) {
                rtp.remote(mediaAddress(message));
                send(request("ACK", "z9hG4bK-ack-" + System.nanoTime(), toTag) + "Content-Length: 0\r\n\r\n");
            }
            return status;
        }
        return 0;
    }

    /** Presses a key: RFC 4733 event packets (three while held, three end packets), 20 ms apart. */
    void press(char key) throws IOException, InterruptedException {
        int event = switch (key) {
            case '*' -> 10;
            case '#' -> 11;
            default -> key - '0';
        };
        long eventTimestamp = rtp.timestamp();
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = Math.min(i + 1, 4) * 160;
            byte[] payload = ByteBuffer.allocate(4).put((byte) event).put((byte) ((end ? 0x80 : 0) | 10))
                    .putShort((short) duration).array();
            rtp.send(TELEPHONE_EVENT, i == 0, eventTimestamp, payload, i == 5 ? 6 * 160 : 0);
            Thread.sleep(20);
        }
    }

    /** Speaks a sine tone every 20 ms until the returned handle is closed (see {@link RtpStream#speakTone}). */
    AutoCloseable speakTone(double hertz) {
        return rtp.speakTone(hertz);
    }

    /** Records what arrives for {@code duration}, or until the server hangs up. */
    void listen(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!byeReceived && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Waits for the server's BYE (answered with 200); true when it came. */
    boolean awaitHangUp(Duration wait) throws InterruptedException {
        listen(wait);
        return byeReceived;
    }

    /** Hangs up (BYE) and waits briefly for the 200. */
    void hangUp() throws IOException, InterruptedException {
        send(request("BYE", "z9hG4bK-bye-" + System.nanoTime(), toTag) + "Content-Length: 0\r\n\r\n");
        Thread.sleep(200);
    }

    /** The µ-law bytes received so far. */
    @Override
    public byte[] audio() {
        return rtp.audio();
    }

    /** How many µ-law samples were received so far. */
    @Override
    public int received() {
        return rtp.received();
    }

    Optional<InetSocketAddress> serverMedia() {
        return Optional.ofNullable(rtp.remote());
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
    }

    // ---- internals

    private String request(String method, String branch, String tag) {
        int seq = method.equals("ACK") ? 1 : method.equals("INVITE") ? 1 : ++cseq;
        return method + " sip:" + number + "@127.0.0.1:" + serverPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + fromUser + "@127.0.0.1:" + sip.getLocalPort() + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + number + "@127.0.0.1:" + serverPort + ">" + (tag == null ? "" : ";tag=" + tag)
                + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " " + method + "\r\n"
                + "Contact: <sip:" + fromUser + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n";
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        sip.send(new DatagramPacket(bytes, bytes.length, host, serverPort));
    }

    private void readSip() {
        byte[] buffer = new byte[65_535];
        while (!sip.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                sip.receive(packet);
                String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                if (message.startsWith("BYE ")) {
                    byeReceived = true;
                    answerOk(message, packet);
                } else {
                    sipMessages.add(message);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answerOk(String request, DatagramPacket from) throws IOException {
        byte[] bytes = (SipText.reply(request, "200 OK", "") + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        sip.send(new DatagramPacket(bytes, bytes.length, from.getSocketAddress()));
    }

    private static InetSocketAddress mediaAddress(String message) {
        Matcher connection = CONNECTION.matcher(message);
        Matcher port = AUDIO_PORT.matcher(message);
        if (!connection.find() || !port.find()) {
            throw new IllegalStateException("the 200 OK has no usable SDP:\n" + message);
        }
        return new InetSocketAddress(connection.group(1), Integer.parseInt(port.group(1)));
    }
}
