package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What the tests of the SIP edge's TCP and TLS listeners share: a key store made by keytool as the distribution
 * makes its own, a client context that trusts it, free ports and the head of a response.
 */
final class TestSockets {
    private TestSockets() {
    }

    /** A PKCS12 key store in {@code folder}, password "secret", with a certificate for localhost and 127.0.0.1. */
    static Path makeKeyStore(Path folder) throws Exception {
        Path keyStore = folder.resolve("switchboard-sip.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "switchboard-sip", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=DNS:localhost,IP:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "secret", "-noprompt")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("keytool: " + output, 0, keytool.waitFor());
        return keyStore;
    }

    /** A client TLS context that trusts the certificates of {@code store}. */
    static SSLContext trusting(Path store, String password) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The status line and headers of the next message on the stream (all it sent, when it ends before). */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
