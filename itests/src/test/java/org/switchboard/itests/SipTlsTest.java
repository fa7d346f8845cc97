package org.switchboard.itests;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;

/**
 * SIP over TLS on the running distribution, with the certificate the build made for it in etc/: a client that
 * trusts that certificate and checks it names 127.0.0.1 is answered; a phone registering over TLS is challenged
 * like over UDP.
 */
public class SipTlsTest extends SwitchboardTestSupport {

    @Test
    public void optionsOverTlsIsAnsweredByAServerWhoseCertificateNamesItsAddress() throws Exception {
        String response = exchange("OPTIONS sip:127.0.0.1:" + TLS_PORT + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5099;branch=z9hG4bK-itest-tls-1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:monitor@127.0.0.1>;tag=tls1\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: itest-tls-options\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        assertTrue(response, response.startsWith("SIP/2.0 200 "));
    }

    @Test
    public void phoneRegisteringOverTlsIsChallengedForItsPassword() throws Exception {
        String response = exchange("REGISTER sip:127.0.0.1:" + TLS_PORT + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5099;branch=z9hG4bK-itest-tls-2\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag=tls2\r\nTo: <sip:1001@127.0.0.1>\r\n"
                + "Call-ID: itest-tls-register\r\nCSeq: 1 REGISTER\r\n"
                + "Contact: <sip:1001@127.0.0.1:5099;transport=tls>\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n");
        assertTrue(response, response.startsWith("SIP/2.0 401 "));
        assertTrue(response, response.contains("WWW-Authenticate: Digest realm=\"switchboard\""));
    }

    private static String exchange(String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingTheServer().getSocketFactory()
                .createSocket("127.0.0.1", TLS_PORT)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readHead(socket.getInputStream());
        }
    }

    private static SSLContext trustingTheServer() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "switchboard-sip.p12"))) {
            trusted.load(in, "switchboard".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
