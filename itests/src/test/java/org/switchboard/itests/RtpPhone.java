package org.switchboard.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered phone written for the tests, on the SIP port its registration named: it answers the server's
 * INVITE at once with a PCMU offer answer, records the audio it receives, speaks tones, and hangs up or is hung up.
 * One call per instance; register the extension with sipp before opening it.
 */
final class RtpPhone implements AutoCloseable, TestPhone {
    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern CONTACT = Pattern.compile("(?mi)^(?:Contact|m):[^<\\r\\n]*<([^>]+)>");

    private final String extension;
    private final int serverPort;
    private final DatagramSocket sip;
    private final RtpStream rtp = new RtpStream(0x0f0e1234);
    private final String tag = Long.toHexString(System.nanoTime());
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final Thread reader;
    private volatile String invite;

    RtpPhone(String extension, int port, int serverPort) throws IOException {
        this.extension = extension;
        this.serverPort = serverPort;
        sip = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        reader = new Thread(this::readSip, "rtp-phone-" + extension);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the server's call to be answered; false when none came in time. */
    boolean awaitAnswered(Duration wait) throws InterruptedException {
        return answered.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the server's BYE; false when none came in time. */
    boolean awaitHungUp(Duration wait) throws InterruptedException {
        return hungUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server's INVITE, as it came (null before it came). */
    String invite() {
        return invite;
    }

    AutoCloseable speakTone(double hertz) {
        return rtp.speakTone(hertz);
    }

    @Override
    public byte[] audio() {
        return rtp.audio();
    }

    @Override
    public int received() {
        return rtp.received();
    }

    /** Sends BYE in the call the server placed. */
    void hangUp() throws IOException {
        String request = invite;
        Matcher contact = CONTACT.matcher(request);
        if (!contact.find()) {
            throw new IllegalStateException("the INVITE has no Contact:\n" + request);
        }
        String bye = "BYE " + contact.group(1) + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=z9hG4bK-bye-" + System.nanoTime()
                + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + SipText.header(request, "To", "t") + ";tag=" + tag + "\r\n"
                + "To: " + SipText.header(request, "From", "f") + "\r\n"
                + "Call-ID: " + SipText.header(request, "Call-ID", "i") + "\r\n"
                + "CSeq: 1 BYE\r\n"
                + "Content-Length: 0\r\n\r\n";
        send(bye, new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
    }

    private void readSip() {
        byte[] buffer = new byte[65_535];
        while (!sip.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                sip.receive(packet);
                String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                if (message.startsWith("INVITE ") && invite == null) {
                    answer(message, packet.getSocketAddress());
                } else if (message.startsWith("BYE ")) {
                    send(SipText.reply(message, "200 OK", "") + "Content-Length: 0\r\n\r\n", packet.getSocketAddress());
                    hungUp.countDown();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(String request, SocketAddress from) throws IOException {
        invite = request;
        Matcher connection = CONNECTION.matcher(request);
        Matcher port = AUDIO_PORT.matcher(request);
        if (!connection.find() || !port.find()) {
            throw new IllegalStateException("the INVITE has no usable SDP:\n" + request);
        }
        rtp.remote(new InetSocketAddress(connection.group(1), Integer.parseInt(port.group(1))));
        send(SipText.reply(request, "180 Ringing", ";tag=" + tag) + "Content-Length: 0\r\n\r\n", from);
        String sdp = "v=0\r\no=" + extension + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.port() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        send(SipText.reply(request, "200 OK", ";tag=" + tag)
                + "Contact: <sip:" + extension + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp, from);
        answered.countDown();
    }

    private void send(String message, SocketAddress to) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        sip.send(new DatagramPacket(bytes, bytes.length, to));
    }
}
