package org.switchboard.sip.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * The SIP stack's TCP listening socket, accepting through a {@link FirstByteGate}. The stack uses only
 * {@code accept}, {@code close} and the local address; this socket's own (unbound) implementation serves nothing.
 */
final class GatedServerSocket extends ServerSocket {
    private final FirstByteGate gate;

    GatedServerSocket(FirstByteGate gate) throws IOException {
        this.gate = gate;
    }

    @Override
    public Socket accept() throws IOException {
        return gate.next();
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
        return "ServerSocket[gated, " + gate.localAddress() + "]";
    }
}
