package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

/** TCP connections that carry nothing are closed by the server; one in use is answered as usual. */
public class SipEdgeIdleConnectionTest {
    private SipEdge edge;

    @After
    public void stop() {
        if (edge != null) {
            edge.deactivate();
        }
    }

    @Test
    public void connectionThatNeverSendsAByteIsClosedAndAnotherClientIsStillAnswered() throws Exception {
        int port = freePort();
        edge = new SipEdge();
        edge.stackOverrides.setProperty("gov.nist.javax.sip.STACK_LOGGER", QuietStackLogger.class.getName());
        edge.stackOverrides.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "1000");
        Map<String, Object> config = new HashMap<>();
        config.put("host", "127.0.0.1");
        config.put("port", Integer.toString(port));
        edge.activate(config);

        try (Socket idle = new Socket(); Socket busy = new Socket()) {
            idle.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            busy.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            String options = "OPTIONS sip:127.0.0.1:" + port + ";transport=tcp SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + busy.getLocalPort() + ";branch=z9hG4bK-idle-1\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:monitor@127.0.0.1>;tag=i1\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: idle-test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            busy.getOutputStream().write(options.getBytes(StandardCharsets.US_ASCII));
            busy.setSoTimeout(5000);
            byte[] head = new byte[12];
            assertEquals(12, busy.getInputStream().readNBytes(head, 0, 12));
            assertEquals("SIP/2.0 200 ", new String(head, StandardCharsets.US_ASCII));

            idle.setSoTimeout(30_000);
            assertTrue("the idle connection is closed by the server", closedByServer(idle.getInputStream()));
        }
    }

    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
