package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.junit.After;
import org.junit.Test;

/** The gate alone, on 127.0.0.1: what it hands on, and the bound on the connections it holds. */
public class FirstByteGateTest {
    private final LongAdder closedSilent = new LongAdder();
    private final List<Socket> clients = new ArrayList<>();
    private FirstByteGate gate;

    @After
    public void close() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    public void beyondTheLimitOfSilentConnectionsTheOldestIsClosedAndTheOneThatSpeaksIsHandedOn() throws Exception {
        gate = FirstByteGate.open("TCP", InetAddress.getLoopbackAddress(), 0, 0, Duration.ofSeconds(60), 2,
                closedSilent);
        Socket oldest = connect();
        connect();
        Socket speaking = connect(); // the third: the oldest has to go to make room
        speaking.getOutputStream().write('O');

        Socket handedOn = gate.next();

        assertEquals("the one that spoke", speaking.getLocalPort(), handedOn.getPort());
        assertEquals("its byte is still there for the stack to read", 'O', handedOn.getInputStream().read());
        oldest.setSoTimeout(10_000);
        assertEquals("the oldest silent connection is closed", -1, oldest.getInputStream().read());
        assertEquals(1, closedSilent.sum());
        handedOn.close();
    }

    @Test
    public void closedGateStopsTheStacksAcceptLoopWithTheExceptionItExpects() throws Exception {
        gate = FirstByteGate.open("TCP", InetAddress.getLoopbackAddress(), 0, 0, Duration.ofSeconds(60), 2,
                closedSilent);
        Socket silent = connect();
        gate.close();

        assertThrows(SocketException.class, gate::next);
        silent.setSoTimeout(10_000);
        try {
            assertEquals("a connection not handed on is closed with the gate", -1, silent.getInputStream().read());
        } catch (SocketException reset) {
            // or reset: closed as well
        }
    }

    private Socket connect() throws IOException {
        Socket client = new Socket();
        clients.add(client);
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gate.localAddress().getPort()), 2000);
        return client;
    }
}
