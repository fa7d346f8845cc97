package org.switchboard.web.internal.events;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.web.internal.auth.WebUser;

/**
 * Hands live events to the open event streams. Publishing never blocks: each stream has a bounded queue of frames,
 * written to the client by a shared pool of writer threads; a client whose queue is full (it reads too slowly, or
 * not at all) is disconnected, so that one slow client never holds back the others or Event Admin. A page
 * reconnects by itself (EventSource) and reloads what it shows.
 */
public final class EventFanOut {
    private static final Logger LOG = LoggerFactory.getLogger(EventFanOut.class);

    /** Where a client's frames go. {@link #send} may block (a network write); both are called by one thread at a time. */
    public interface Sink {
        void send(String frame) throws IOException;

        /** Ends the stream; further sends are not made. */
        void close();
    }

    /** One open stream. */
    public final class Subscription {
        private final WebUser user;
        private final String sessionId;
        private final Sink sink;
        private final BlockingQueue<String> frames;
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Subscription(WebUser user, String sessionId, Sink sink, int capacity) {
            this.user = user;
            this.sessionId = sessionId;
            this.sink = sink;
            this.frames = new ArrayBlockingQueue<>(capacity);
        }

        public WebUser user() {
            return user;
        }

        public String sessionId() {
            return sessionId;
        }

        public boolean isClosed() {
            return closed.get();
        }
    }

    private final Executor writers;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public EventFanOut(Executor writers) {
        this.writers = writers;
    }

    public Subscription subscribe(WebUser user, String sessionId, Sink sink, int capacity) {
        Subscription subscription = new Subscription(user, sessionId, sink, capacity);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Ends the subscription (the client went away); its sink is closed. */
    public void unsubscribe(Subscription subscription) {
        close(subscription, null);
    }

    public int size() {
        return subscriptions.size();
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    public void publish(LiveEvent event) {
        for (Subscription subscription : subscriptions) {
            Optional<String> frame;
            try {
                frame = event.frameFor(subscription.user);
            } catch (RuntimeException e) {
                LOG.error("live event could not be prepared for {}", subscription.user.username(), e);
                continue;
            }
            frame.ifPresent(text -> enqueue(subscription, text));
        }
    }

    /** The same frame to every stream (the keep-alive comment). */
    public void publishToAll(String frame) {
        publish(user -> Optional.of(frame));
    }

    public void closeAll() {
        subscriptions.forEach(subscription -> close(subscription, null));
    }

    private void enqueue(Subscription subscription, String frame) {
        if (subscription.closed.get()) {
            return;
        }
        if (!subscription.frames.offer(frame)) {
            close(subscription, "it fell " + (subscription.frames.size()) + " events behind");
            return;
        }
        scheduleWrite(subscription);
    }

    private void scheduleWrite(Subscription subscription) {
        if (subscription.writing.compareAndSet(false, true)) {
            try {
                writers.execute(() -> write(subscription));
            } catch (RejectedExecutionException e) {
                close(subscription, "no writer thread is free");
            }
        }
    }

    private void write(Subscription subscription) {
        try {
            String frame;
            while (!subscription.closed.get() && (frame = subscription.frames.poll()) != null) {
                subscription.sink.send(frame);
            }
        } catch (IOException | RuntimeException e) {
            close(subscription, "writing failed (" + e + ")");
            return;
        } finally {
            subscription.writing.set(false);
        }
        // a frame may have come between the last poll and the end of this writer's turn
        if (!subscription.frames.isEmpty()) {
            scheduleWrite(subscription);
        }
    }

    private void close(Subscription subscription, String why) {
        if (subscription.closed.compareAndSet(false, true)) {
            subscriptions.remove(subscription);
            subscription.frames.clear();
            if (why != null) {
                LOG.info("event stream of {} closed: {}", subscription.user.username(), why);
            }
            try {
                subscription.sink.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the event stream of {} failed", subscription.user.username(), e);
            }
        }
    }
}
