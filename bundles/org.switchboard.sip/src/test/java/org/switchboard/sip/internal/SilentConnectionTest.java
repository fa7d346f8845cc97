package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.switchboard.sip.internal.TestSockets.freePort;
import static org.switchboard.sip.internal.TestSockets.readHead;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * TCP and TLS connections that never send a byte, against a real SIP stack on 127.0.0.1: they are closed after
 * tcpFirstByteSeconds and never take the stack's connections, while connections that speak keep the stack's
 * own behaviour, idle ones included.
 */
public class SilentConnectionTest {
    /** Far beyond any limit used here: only a server that never closes would reach it. */
    private static final int GENEROUS_MILLIS = 15_000;
    private static final AtomicInteger IDS = new AtomicInteger();

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static Path keyStore;
    private static SSLContext trusting;

    private SipEdge edge;
    private int port;
    private int tlsPort;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeClass
    public static void makeKeyStore() throws Exception {
        keyStore = TestSockets.makeKeyStore(FOLDER.getRoot().toPath());
        trusting = TestSockets.trusting(keyStore, "secret");
    }

    @After
    public void stop() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // the test's own socket; nothing to do
            }
        }
        if (edge != null) {
            edge.deactivate();
        }
    }

    @Test
    public void tcpConnectionThatSendsNothingIsClosedByTheServerAndCounted() throws Exception {
        start(1, Map.of());
        Socket silent = connect(port);

        assertClosedByServer(silent);
        awaitTrue("the closed connection is counted", () -> edge.endpoint().silentConnectionsClosed() == 1);
        assertEquals("in the edge's statistics too", 1, edge.silentConnectionsClosed());
    }

    @Test
    public void tcpConnectionThatSpeaksAtOnceIsAnsweredAndThenMayStayIdleBeyondTheLimit() throws Exception {
        start(1, Map.of());
        Socket phone = connect(port);

        send(phone, options("TCP", phone.getLocalPort()));
        assertTrue(readHead(phone.getInputStream()).startsWith("SIP/2.0 200 "));
        assertStillOpenAfter(phone, 3000);
        send(phone, options("TCP", phone.getLocalPort()));
        assertTrue("the idle connection still carries requests", readHead(phone.getInputStream()).startsWith("SIP/2.0 200 "));
        assertEquals(0, edge.endpoint().silentConnectionsClosed());
    }

    @Test
    public void silentConnectionsNeverTakeTheStacksConnectionsSoOthersAreServed() throws Exception {
        start(60, Map.of("gov.nist.javax.sip.MAX_CONNECTIONS", "2"));
        for (int i = 0; i < 10; i++) {
            connect(port);
            connect(tlsPort);
        }

        Socket other = connect(port);
        send(other, options("TCP", other.getLocalPort()));
        assertTrue("a TCP client behind 10 silent ones", readHead(other.getInputStream()).startsWith("SIP/2.0 200 "));
        SSLSocket tlsOther = connectTls();
        send(tlsOther, options("TLS", tlsOther.getLocalPort()));
        assertTrue("a TLS client behind 10 silent ones", readHead(tlsOther.getInputStream()).startsWith("SIP/2.0 200 "));
    }

    @Test
    public void tlsConnectionsThatEndWithoutAHandshakeNeverUseUpTheStacksConnections() throws Exception {
        start(10, Map.of("gov.nist.javax.sip.MAX_CONNECTIONS", "2"));
        for (int i = 0; i < 3; i++) {
            connect(tlsPort).close(); // a load balancer's health check
            Socket plain = connect(tlsPort);
            send(plain, options("TCP", plain.getLocalPort())); // plain SIP to the TLS port
            assertClosedByServer(plain);
        }

        SSLSocket phone = connectTls();
        send(phone, options("TLS", phone.getLocalPort()));
        assertTrue(readHead(phone.getInputStream()).startsWith("SIP/2.0 200 "));
    }

    @Test
    public void tlsConnectionThatSendsNothingIsClosedByTheServer() throws Exception {
        start(1, Map.of());
        Socket silent = connect(tlsPort);

        assertClosedByServer(silent);
        awaitTrue("the closed connection is counted", () -> edge.endpoint().silentConnectionsClosed() == 1);
        assertEquals("in the edge's statistics too", 1, edge.silentConnectionsClosed());
    }

    @Test
    public void tlsConnectionThatSpeaksAtOnceIsAnsweredAndThenMayStayIdleBeyondTheLimit() throws Exception {
        start(1, Map.of());
        SSLSocket phone = connectTls();

        send(phone, options("TLS", phone.getLocalPort()));
        assertTrue(readHead(phone.getInputStream()).startsWith("SIP/2.0 200 "));
        assertStillOpenAfter(phone, 3000);
        send(phone, options("TLS", phone.getLocalPort()));
        assertTrue("the idle connection still carries requests", readHead(phone.getInputStream()).startsWith("SIP/2.0 200 "));
    }

    @Test
    public void withTheLimitOffTheStacksOwnListenersServeTcpAndTls() throws Exception {
        start(0, Map.of());
        Socket phone = connect(port);
        send(phone, options("TCP", phone.getLocalPort()));
        assertTrue(readHead(phone.getInputStream()).startsWith("SIP/2.0 200 "));
        SSLSocket tlsPhone = connectTls();
        send(tlsPhone, options("TLS", tlsPhone.getLocalPort()));
        assertTrue(readHead(tlsPhone.getInputStream()).startsWith("SIP/2.0 200 "));
    }

    @Test
    public void limitIsTenSecondsUnlessSetAndAValueOutOfRangeIsRefusedWithItsKey() {
        Map<String, Object> properties = new HashMap<>(Map.of("host", "127.0.0.1", "port", "5060"));
        assertEquals(10, SipSettings.from(properties).tcpFirstByteSeconds());
        properties.put("tcpFirstByteSeconds", "0");
        assertEquals("0 turns it off", 0, SipSettings.from(properties).tcpFirstByteSeconds());
        properties.put("tcpFirstByteSeconds", "-1");
        assertEquals("tcpFirstByteSeconds: -1 is outside 0..3600",
                assertThrows(IllegalArgumentException.class, () -> SipSettings.from(properties)).getMessage());
        properties.put("tcpFirstByteSeconds", "soon");
        assertEquals("tcpFirstByteSeconds: 'soon' is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> SipSettings.from(properties)).getMessage());
    }

    // ---- helpers

    private void start(int firstByteSeconds, Map<String, String> stackOverrides) throws Exception {
        port = freePort();
        tlsPort = freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("host", "127.0.0.1");
        properties.put("port", Integer.toString(port));
        properties.put("tlsPort", Integer.toString(tlsPort));
        properties.put("tlsKeyStore", keyStore.toString());
        properties.put("tlsKeyStorePassword", "secret");
        properties.put("tcpFirstByteSeconds", Integer.toString(firstByteSeconds));
        edge = new SipEdge();
        edge.stackOverrides.setProperty("gov.nist.javax.sip.STACK_LOGGER", QuietStackLogger.class.getName());
        edge.stackOverrides.putAll(stackOverrides);
        edge.activate(properties);
    }

    private Socket connect(int to) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", to), 2000);
        socket.setSoTimeout(GENEROUS_MILLIS);
        return socket;
    }

    private SSLSocket connectTls() throws IOException {
        SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", tlsPort), 2000);
        socket.setSoTimeout(GENEROUS_MILLIS);
        return socket;
    }

    /**
     * The server closes (the stream ends, after whatever it sent) or resets the connection; a read that times out
     * means it did neither.
     */
    private static void assertClosedByServer(Socket socket) throws IOException {
        try {
            while (socket.getInputStream().read() >= 0) {
                // a TLS alert, say
            }
        } catch (SocketTimeoutException e) {
            fail("still open after " + GENEROUS_MILLIS + " ms");
        } catch (SocketException e) {
            // reset by the server: closed as well
        }
    }

    private static void assertStillOpenAfter(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int read = socket.getInputStream().read();
            fail("the server closed the idle connection or sent something unasked: " + read);
        } catch (SocketTimeoutException e) {
            // nothing arrived and the connection is open, as it should be
        } finally {
            socket.setSoTimeout(GENEROUS_MILLIS);
        }
    }

    private static void send(Socket socket, String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private String options(String transport, int localPort) {
        int n = IDS.incrementAndGet();
        return "OPTIONS sip:127.0.0.1:" + ("TLS".equals(transport) ? tlsPort + ";transport=tls" : port)
                + " SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK-silent-" + n
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:monitor@127.0.0.1>;tag=s" + n + "\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: silent-" + n + "-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what);
            }
            Thread.sleep(20);
        }
    }
}
