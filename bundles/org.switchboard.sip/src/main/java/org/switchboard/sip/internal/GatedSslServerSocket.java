package org.switchboard.sip.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP stack's TLS listening socket: accepts plain TCP through a {@link FirstByteGate} (the first byte is the
 * client's TLS hello) and lays TLS over each connection in server mode, with the protocols, cipher suites and
 * client authentication the stack sets on this socket. The handshake itself stays where the stack does it: in
 * the connection's own thread, under its SSL_HANDSHAKE_TIMEOUT.
 */
final class GatedSslServerSocket extends SSLServerSocket {
    /** ContentType handshake (RFC 8446 5.1), the first byte a TLS client sends. */
    private static final int HANDSHAKE_RECORD = 22;
    private static final Logger LOG = LoggerFactory.getLogger(GatedSslServerSocket.class);

    private final FirstByteGate gate;
    private final SSLContext context;
    private final SSLParameters supported;
    /**
     * What each accepted connection gets. The stack sets it before it starts its accept thread (which makes
     * the settings visible to that thread) and never changes it afterwards.
     */
    private final SSLParameters parameters;
    private boolean clientMode;
    private boolean sessionCreation = true;

    GatedSslServerSocket(FirstByteGate gate, SSLContext context) throws IOException {
        this.gate = gate;
        this.context = context;
        this.supported = context.getSupportedSSLParameters();
        try (SSLServerSocket defaults = (SSLServerSocket) context.getServerSocketFactory().createServerSocket()) {
            this.parameters = defaults.getSSLParameters();
        }
    }

    /**
     * A connection that has spoken, with TLS over it. Never throws for one connection's trouble (that one is
     * closed and the next awaited): the stack's accept loop would lose its count of connections.
     * <p>
     * A connection whose first byte is not the start of a TLS handshake (or that closed without one) is closed
     * here: the RI (1.3.0-91) never gives back the place in MAX_CONNECTIONS of a connection whose handshake fails,
     * so a load balancer's health check or plain SIP sent to this port would use the places up one by one.
     */
    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket plain = gate.next();
            try {
                int first = firstByte(plain);
                if (first != HANDSHAKE_RECORD) {
                    LOG.debug("TLS connection from {} closed: {}", plain.getRemoteSocketAddress(),
                            first < 0 ? "it ended before a byte" : "it did not start with a TLS handshake");
                    closeQuietly(plain);
                    continue;
                }
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain,
                        new ByteArrayInputStream(new byte[] { (byte) first }), true);
                tls.setSSLParameters(parameters);
                tls.setUseClientMode(clientMode);
                tls.setEnableSessionCreation(sessionCreation);
                return tls;
            } catch (IOException | RuntimeException e) {
                closeQuietly(plain);
            }
        }
    }

    /** The connection is readable (it has spoken), so this returns at once; the time limit is for safety. */
    private static int firstByte(Socket plain) throws IOException {
        plain.setSoTimeout(1000);
        int first = plain.getInputStream().read();
        plain.setSoTimeout(0);
        return first;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection the stack will never see; nothing left to do with it
        }
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return parameters.getCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        parameters.setCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return supported.getCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return supported.getProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return parameters.getProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        parameters.setProtocols(protocols);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        parameters.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return parameters.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        parameters.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return parameters.getWantClientAuth();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        clientMode = mode;
    }

    @Override
    public boolean getUseClientMode() {
        return clientMode;
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        sessionCreation = flag;
    }

    @Override
    public boolean getEnableSessionCreation() {
        return sessionCreation;
    }

    @Override
    public InetAddress getInetAddress() {
        return gate.localAddress().getAddress();
    }

    @Override
    public int getLocalPort() {
        return gate.localAddress().getPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return gate.localAddress();
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return gate.isClosed();
    }

    @Override
    public void close() {
        gate.close();
    }

    @Override
    public String toString() {
        return "SSLServerSocket[gated, " + gate.localAddress() + "]";
    }
}
