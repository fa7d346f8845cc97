package org.switchboard.sip.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a TCP port for the SIP stack and hands it a connection only once the peer has sent its first byte
 * (or closed). A connection that sends nothing within the allowed time is closed here: it never takes one of
 * the stack's MAX_CONNECTIONS places nor one of its reader threads, so clients that connect and stay silent
 * cannot lock the others out. What happens after the first byte is the stack's business alone (its READ_TIMEOUT
 * for a message once started; a registered phone's connection may stay idle between messages for as long as it
 * likes).
 * <p>
 * {@link #next()} is called by the stack's accept thread only, which also does the waiting: there is no thread of
 * our own. {@link #close()} may come from any thread.
 */
final class FirstByteGate implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(FirstByteGate.class);

    private final String transport;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Duration firstByteWithin;
    private final int maxWaiting;
    private final LongAdder closedSilent;
    /** Connections that have not spoken yet, oldest (so first to expire) first; guarded by itself. */
    private final LinkedHashMap<SocketChannel, Waiting> waiting = new LinkedHashMap<>();
    /** Connections that have spoken, in blocking mode again, for the stack to take. */
    private final Queue<SocketChannel> spoken = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private record Waiting(String source, long deadline) {
    }

    private FirstByteGate(String transport, ServerSocketChannel listener, Selector selector,
            Duration firstByteWithin, int maxWaiting, LongAdder closedSilent) {
        this.transport = transport;
        this.listener = listener;
        this.selector = selector;
        this.firstByteWithin = firstByteWithin;
        this.maxWaiting = maxWaiting;
        this.closedSilent = closedSilent;
    }

    /**
     * Binds the port.
     *
     * @param transport       "TCP" or "TLS", for the log
     * @param backlog         as {@link java.net.ServerSocket}'s, 0 for the default
     * @param firstByteWithin how long a new connection may stay silent
     * @param maxWaiting      silent connections held at most; beyond, the oldest is closed
     * @param closedSilent    counts the connections closed for their silence
     */
    static FirstByteGate open(String transport, InetAddress address, int port, int backlog,
            Duration firstByteWithin, int maxWaiting, LongAdder closedSilent) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            // as java.net.ServerSocket does on Linux: a restarted stack can bind again while old connections linger
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(address, port), backlog);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
            return new FirstByteGate(transport, listener, selector, firstByteWithin, maxWaiting, closedSilent);
        } catch (IOException | RuntimeException e) {
            closeQuietly(listener);
            closeQuietly(selector);
            throw e;
        }
    }

    /**
     * The next connection that has spoken, blocking until there is one; meanwhile accepts new connections and
     * closes those that stayed silent too long. Throws only once the gate is closed: the stack's accept loop
     * counts a connection before it calls accept and would lose that count on any other exception.
     */
    Socket next() throws IOException {
        try {
            while (true) {
                SocketChannel ready = spoken.poll();
                if (ready != null) {
                    return ready.socket();
                }
                if (closed) {
                    throw new SocketException("Socket is closed");
                }
                long waitMillis = closeSilent();
                if (selector.selectedKeys().isEmpty()) {
                    selector.select(waitMillis);
                }
                if (closed) {
                    throw new SocketException("Socket is closed");
                }
                List<SocketChannel> talking = new ArrayList<>();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        admitNewConnections();
                    } else if (key.isReadable()) {
                        key.cancel();
                        SocketChannel channel = (SocketChannel) key.channel();
                        synchronized (waiting) {
                            waiting.remove(channel);
                        }
                        talking.add(channel);
                    }
                }
                if (!talking.isEmpty()) {
                    handOn(talking);
                }
            }
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket is closed");
        }
    }

    /** Readable channels go back to blocking mode, which needs their cancelled keys flushed from the selector. */
    private void handOn(List<SocketChannel> talking) throws IOException {
        try {
            selector.selectNow();
        } catch (ClosedSelectorException e) {
            talking.forEach(FirstByteGate::closeQuietly);
            throw e;
        }
        for (SocketChannel channel : talking) {
            try {
                channel.configureBlocking(true);
                spoken.add(channel);
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
        if (closed) {
            closeSpoken();
        }
    }

    private void admitNewConnections() {
        SocketChannel channel;
        while ((channel = acceptOne()) != null) {
            String source = sourceOf(channel);
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
            } catch (IOException e) {
                closeQuietly(channel);
                continue;
            }
            synchronized (waiting) {
                if (closed) {
                    closeQuietly(channel);
                    return;
                }
                if (waiting.size() >= maxWaiting) {
                    Map.Entry<SocketChannel, Waiting> oldest = waiting.entrySet().iterator().next();
                    waiting.remove(oldest.getKey());
                    closeForSilence(oldest.getKey(), oldest.getValue().source(), "the oldest of " + maxWaiting
                            + " connections that have not sent a byte yet");
                }
                waiting.put(channel, new Waiting(source, System.nanoTime() + firstByteWithin.toNanos()));
            }
        }
    }

    private SocketChannel acceptOne() {
        try {
            return listener.accept();
        } catch (IOException e) {
            // e.g. out of file descriptors: the pending connection stays in the backlog, the next select retries
            LOG.warn("{} listener on {}: cannot accept a connection: {}", transport, listener.socket()
                    .getLocalSocketAddress(), e.getMessage());
            return null;
        }
    }

    /** Closes the connections whose time is up; returns the milliseconds until the next one's (0: none). */
    private long closeSilent() {
        long now = System.nanoTime();
        synchronized (waiting) {
            Iterator<Map.Entry<SocketChannel, Waiting>> oldestFirst = waiting.entrySet().iterator();
            while (oldestFirst.hasNext()) {
                Map.Entry<SocketChannel, Waiting> next = oldestFirst.next();
                long left = next.getValue().deadline() - now;
                if (left > 0) {
                    return TimeUnit.NANOSECONDS.toMillis(left) + 1;
                }
                oldestFirst.remove();
                closeForSilence(next.getKey(), next.getValue().source(),
                        "nothing received within " + firstByteWithin.toSeconds() + " s");
            }
        }
        return 0;
    }

    private void closeForSilence(SocketChannel channel, String source, String why) {
        closeQuietly(channel);
        closedSilent.increment();
        LOG.debug("{} connection from {} closed: {}", transport, source, why);
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.socket().getLocalSocketAddress();
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops listening and closes the connections not handed to the stack. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        synchronized (waiting) {
            waiting.keySet().forEach(FirstByteGate::closeQuietly);
            waiting.clear();
        }
        closeQuietly(selector); // wakes the accept thread
        closeSpoken();
    }

    private void closeSpoken() {
        SocketChannel channel;
        while ((channel = spoken.poll()) != null) {
            closeQuietly(channel);
        }
    }

    private static String sourceOf(SocketChannel channel) {
        try {
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            return remote.getAddress().getHostAddress() + ":" + remote.getPort();
        } catch (IOException | RuntimeException e) {
            return "an unknown source";
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing; nothing left to do with it
        }
    }
}
