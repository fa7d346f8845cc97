package org.switchboard.media.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that receives the RTP of every leg: a selector over all the legs' non-blocking channels.
 * Each datagram is handed to its leg at once, which relays it in this same thread. Datagrams larger than
 * {@link #MAX_DATAGRAM} are dropped and counted by the leg. A leg that throws is logged; the loop goes on.
 */
final class ReceiveLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    /** The largest datagram taken (an Ethernet MTU); 20 ms of G.711 is 172 bytes. */
    static final int MAX_DATAGRAM = 1500;
    /** Datagrams read from one channel before the others get their turn. */
    private static final int BURST = 16;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM + 1);
    private volatile boolean running = true;

    ReceiveLoop(String threadName) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts receiving on the leg's channel. */
    void register(DatagramChannel channel, RtpLeg leg) {
        pending.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, leg);
            } catch (ClosedChannelException e) {
                // the leg was closed before the loop got to it
            }
        });
        selector.wakeup();
    }

    /** Closes a leg's channel; the port is free once the loop has seen it (at once: the loop is woken). */
    void release(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing an RTP channel", e);
        }
        selector.wakeup();
    }

    /** Stops the thread and closes the selector (the channels are the legs' to close). */
    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the RTP selector", e);
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select();
                Runnable task;
                while ((task = pending.poll()) != null) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid()) {
                        drain((DatagramChannel) key.channel(), (RtpLeg) key.attachment());
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.error("RTP receive loop: {}; going on", e.toString(), e);
                }
            }
        }
    }

    private void drain(DatagramChannel channel, RtpLeg leg) {
        for (int i = 0; i < BURST; i++) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                return; // closed meanwhile, or an ICMP error reported on the channel
            }
            if (source == null) {
                return;
            }
            buffer.flip();
            try {
                if (buffer.remaining() > MAX_DATAGRAM) {
                    leg.dropOversized(source);
                } else {
                    leg.received(buffer, source, System.nanoTime());
                }
            } catch (RuntimeException e) {
                LOG.error("RTP from {} to {}: {}", source, leg, e.toString(), e);
            }
        }
    }
}
