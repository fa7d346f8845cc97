package org.switchboard.media.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * The even ports of one range on one address, handed out in turn (a port just released is the last to be used
 * again, so that late packets of an ended call do not reach the next one). A port some other program holds is
 * skipped. Thread-safe.
 */
final class RtpPorts {
    private final InetAddress address;
    private final int first;
    private final int count;
    private int next;

    RtpPorts(InetAddress address, int min, int max) {
        this.address = address;
        this.first = min + (min & 1);
        this.count = max >= first ? (max - first) / 2 + 1 : 0;
    }

    /** A non-blocking channel bound to the next free even port, or null when every port of the range is taken. */
    DatagramChannel open() throws IOException {
        for (int attempt = 0; attempt < count; attempt++) {
            int port = first + 2 * nextIndex();
            DatagramChannel channel = DatagramChannel.open(
                    address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            try {
                channel.bind(new InetSocketAddress(address, port));
                channel.configureBlocking(false);
                return channel;
            } catch (IOException e) {
                channel.close(); // taken: by one of our legs or by another program
            }
        }
        return null;
    }

    private synchronized int nextIndex() {
        int index = next;
        next = (next + 1) % count;
        return index;
    }

    InetAddress address() {
        return address;
    }

    int size() {
        return count;
    }
}
