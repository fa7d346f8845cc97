package org.switchboard.sip.internal;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.switchboard.sip.internal.TestSockets.freePort;
import static org.switchboard.sip.internal.TestSockets.readHead;
import static org.switchboard.sip.internal.TestSockets.trusting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** SIP over TLS with a key store made by keytool, as the distribution makes its own. */
public class SipEdgeTlsTest {
    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static Path keyStore;

    private SipEdge edge;

    @BeforeClass
    public static void makeKeyStore() throws Exception {
        keyStore = TestSockets.makeKeyStore(FOLDER.getRoot().toPath());
    }

    @After
    public void stop() {
        if (edge != null) {
            edge.deactivate();
        }
    }

    @Test
    public void optionsOverTlsIsAnsweredWithACertificateForTheServersAddress() throws Exception {
        int port = freePort();
        int tlsPort = freePort();
        edge = new SipEdge();
        edge.stackOverrides.setProperty("gov.nist.javax.sip.STACK_LOGGER", QuietStackLogger.class.getName());
        edge.activate(config(port, tlsPort, "secret"));

        try (SSLSocket socket = (SSLSocket) trusting(keyStore, "secret").getSocketFactory()
                .createSocket("127.0.0.1", tlsPort)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name 127.0.0.1
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5000);
            String options = "OPTIONS sip:127.0.0.1:" + tlsPort + ";transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-tls-1\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:monitor@127.0.0.1>;tag=t1\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: tls-options-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            socket.getOutputStream().write(options.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String response = readHead(socket.getInputStream());
            assertTrue(response, response.startsWith("SIP/2.0 200 "));
            assertTrue(response, response.contains("tls-options-1"));
        }
    }

    @Test
    public void keyStoreThatCannotBeReadIsReportedWithItsKeyAndPathAndNeverItsPassword() throws Exception {
        IllegalArgumentException wrongPassword = assertThrows(IllegalArgumentException.class,
                () -> SipSettings.from(config(5060, 5061, "guessed")));
        assertTrue(wrongPassword.getMessage(), wrongPassword.getMessage().startsWith("tlsKeyStore: " + keyStore));
        assertTrue(wrongPassword.getMessage(), !wrongPassword.getMessage().contains("guessed"));

        Map<String, Object> missing = config(5060, 5061, "secret");
        missing.put("tlsKeyStore", FOLDER.getRoot().toPath().resolve("nowhere.p12").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SipSettings.from(missing)).getMessage()
                .contains("nowhere.p12"));

        IllegalArgumentException samePort = assertThrows(IllegalArgumentException.class,
                () -> SipSettings.from(config(5060, 5060, "secret")));
        assertTrue(samePort.getMessage(), samePort.getMessage().startsWith("tlsPort:"));
    }

    @Test
    public void tlsIsOffUnlessAPortIsGiven() {
        Map<String, Object> properties = config(5060, 5061, "secret");
        properties.remove("tlsPort");
        assertTrue(SipSettings.from(properties).tls().isEmpty());
        assertTrue("the password stays out of logs", !SipSettings.from(config(5060, 5061, "secret")).toString()
                .contains("secret"));
    }

    private static Map<String, Object> config(int port, int tlsPort, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("host", "127.0.0.1");
        properties.put("port", Integer.toString(port));
        properties.put("tlsPort", Integer.toString(tlsPort));
        properties.put("tlsKeyStore", keyStore.toString());
        properties.put("tlsKeyStorePassword", password);
        return properties;
    }
}
