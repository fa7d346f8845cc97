package org.switchboard.sip.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

/**
 * The SIP stack's sockets: its TCP and TLS listeners accept through a {@link FirstByteGate}; everything else
 * (UDP, the connections the stack opens itself) is the stack's own network layer's.
 */
final class GatedNetworkLayer implements NetworkLayer {
    private final NetworkLayer stackLayer;
    private final Duration firstByteWithin;
    private final int maxWaiting;
    private final Optional<SSLContext> tls;
    private final LongAdder closedSilent;

    /**
     * @param stackLayer      the layer the stack made for itself (with its TLS material, if any)
     * @param firstByteWithin how long an accepted connection may stay silent
     * @param maxWaiting      silent connections held at most per listener
     * @param tls             the server's TLS context, when TLS is on
     * @param closedSilent    counts the connections closed for their silence
     */
    GatedNetworkLayer(NetworkLayer stackLayer, Duration firstByteWithin, int maxWaiting, Optional<SSLContext> tls,
            LongAdder closedSilent) {
        this.stackLayer = stackLayer;
        this.firstByteWithin = firstByteWithin;
        this.maxWaiting = maxWaiting;
        this.tls = tls;
        this.closedSilent = closedSilent;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new GatedServerSocket(FirstByteGate.open("TCP", bindAddress, port, backlog, firstByteWithin,
                maxWaiting, closedSilent));
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress)
            throws IOException {
        if (tls.isEmpty()) {
            return stackLayer.createSSLServerSocket(port, backlog, bindAddress);
        }
        FirstByteGate gate = FirstByteGate.open("TLS", bindAddress, port, backlog, firstByteWithin, maxWaiting,
                closedSilent);
        try {
            return new GatedSslServerSocket(gate, tls.get());
        } catch (IOException | RuntimeException e) {
            gate.close();
            throw e;
        }
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return stackLayer.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return stackLayer.createSocket(address, port, localAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort)
            throws IOException {
        return stackLayer.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return stackLayer.createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return stackLayer.createSSLSocket(address, port, localAddress);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return stackLayer.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return stackLayer.createDatagramSocket(port, laddr);
    }

    @Override
    public void setSipStack(SipStackImpl sipStackImpl) {
        stackLayer.setSipStack(sipStackImpl);
    }
}
