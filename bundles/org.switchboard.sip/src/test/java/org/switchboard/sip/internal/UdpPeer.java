package org.switchboard.sip.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bare SIP peer on a UDP socket of 127.0.0.1: writes requests as text and reads what comes back. */
final class UdpPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final int serverPort;

    UdpPeer(int serverPort) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.serverPort = serverPort;
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String message) throws IOException {
        byte[] bytes = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
    }

    /** The next message for this Call-ID with this status (skipping others), or null after {@code millis}. */
    String awaitResponse(String callId, int status, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            String message = receive(deadline - System.currentTimeMillis());
            if (message != null && message.startsWith("SIP/2.0 " + status + " ")
                    && message.contains("Call-ID: " + callId)) {
                return message;
            }
        }
        return null;
    }

    /** Every message received within {@code millis}. */
    List<String> receiveAll(long millis) throws IOException {
        List<String> messages = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            String message = receive(deadline - System.currentTimeMillis());
            if (message != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    private String receive(long millis) throws IOException {
        if (millis <= 0) {
            return null;
        }
        socket.setSoTimeout((int) Math.max(1, millis));
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    String invite(String callId, String toTag) {
        return "INVITE sip:4000@127.0.0.1:" + serverPort + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID() + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:caller@127.0.0.1:" + port() + ">;tag=from-" + callId + "\n"
                + "To: <sip:4000@127.0.0.1:" + serverPort + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 1 INVITE\n"
                + "Contact: <sip:caller@127.0.0.1:" + port() + ">\n"
                + "Content-Length: 0\n\n";
    }

    /** A new INVITE that answers a 407 challenge's {@code nonce} as {@code user} with {@code password}. */
    String authenticatedInvite(String callId, String user, String nonce, String password) {
        String uri = "sip:4000@127.0.0.1:" + serverPort;
        DigestAuthenticator.Credentials unsigned = new DigestAuthenticator.Credentials(user, "switchboard", nonce,
                uri, null, "auth", "00000001", "c0ffee");
        String response = DigestAuthenticator.expectedResponse("INVITE", unsigned,
                org.switchboard.api.sip.PhoneCredentials.ha1(user, "switchboard", password));
        return invite(callId, null).replace("Content-Length: 0\n", "Proxy-Authorization: Digest username=\"" + user
                + "\", realm=\"switchboard\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\nContent-Length: 0\n");
    }

    String bye(String callId) {
        return "BYE sip:caller@127.0.0.1:" + serverPort + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID() + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:caller@127.0.0.1:" + port() + ">;tag=from-" + callId + "\n"
                + "To: <sip:4000@127.0.0.1:" + serverPort + ">;tag=unknown\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 2 BYE\n"
                + "Content-Length: 0\n\n";
    }

    String options(String callId) {
        return "OPTIONS sip:127.0.0.1:" + serverPort + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID() + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:monitor@127.0.0.1:" + port() + ">;tag=from-" + callId + "\n"
                + "To: <sip:127.0.0.1:" + serverPort + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 1 OPTIONS\n"
                + "Content-Length: 0\n\n";
    }

    /** A REGISTER of {@code user}; with {@code nonce}, it answers that challenge with {@code password}. */
    String register(String callId, int cseq, String user, String nonce, String password) {
        String uri = "sip:127.0.0.1:" + serverPort;
        String authorization = "";
        if (nonce != null) {
            DigestAuthenticator.Credentials unsigned = new DigestAuthenticator.Credentials(user, "switchboard",
                    nonce, uri, null, "auth", "00000001", "c0ffee");
            String response = DigestAuthenticator.expectedResponse("REGISTER", unsigned,
                    org.switchboard.api.sip.PhoneCredentials.ha1(user, "switchboard", password));
            authorization = "Authorization: Digest username=\"" + user + "\", realm=\"switchboard\", nonce=\""
                    + nonce + "\", uri=\"" + uri + "\", response=\"" + response
                    + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\n";
        }
        return "REGISTER " + uri + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID() + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=from-" + callId + "\n"
                + "To: <sip:" + user + "@127.0.0.1>\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " REGISTER\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port() + ">\n"
                + "Expires: 60\n"
                + authorization
                + "Content-Length: 0\n\n";
    }

    static String nonceOf(String challenge) {
        Matcher matcher = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        if (!matcher.find()) {
            throw new AssertionError("no nonce in\n" + challenge);
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        socket.close();
    }
}
