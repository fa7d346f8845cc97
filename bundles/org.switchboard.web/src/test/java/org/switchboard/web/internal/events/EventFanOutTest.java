package org.switchboard.web.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.After;
import org.junit.Test;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.WebUser;

public class EventFanOutTest {
    private static final WebUser SUPERVISOR = new WebUser("sue", Set.of(Role.SUPERVISOR));
    private static final int CAPACITY = 8;

    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final EventFanOut fanOut = new EventFanOut(writers);

    @After
    public void stopWriters() {
        writers.shutdownNow();
    }

    /** Keeps what it is sent; can be made to block as a client that does not read. */
    private static final class RecordingSink implements EventFanOut.Sink {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch release;
        final CountDownLatch received;

        RecordingSink(int expected, boolean stuck) {
            received = new CountDownLatch(expected);
            release = new CountDownLatch(stuck ? 1 : 0);
        }

        @Override
        public void send(String frame) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            frames.add(frame);
            received.countDown();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    public void aClientThatDoesNotReadIsDroppedAndTheOthersGetEveryEventInOrder() throws InterruptedException {
        RecordingSink slow = new RecordingSink(0, true);
        RecordingSink fast = new RecordingSink(CAPACITY * 3, false);
        fanOut.subscribe(SUPERVISOR, "s-slow", slow, CAPACITY);
        fanOut.subscribe(SUPERVISOR, "s-fast", fast, CAPACITY * 3);

        List<String> sent = IntStream.range(0, CAPACITY * 3).mapToObj(i -> "event " + i).toList();
        for (String frame : sent) {
            fanOut.publish(user -> Optional.of(frame));
        }

        assertTrue("the slow client is dropped", slow.closed.await(10, TimeUnit.SECONDS));
        assertTrue("the fast client gets every event", fast.received.await(10, TimeUnit.SECONDS));
        assertEquals(sent, fast.frames);
        assertEquals(1, fanOut.size());
        assertEquals(1, fast.closed.getCount());
        slow.release.countDown();
    }

    @Test
    public void publishingReturnsWhileAClientIsStuckInAWrite() {
        RecordingSink stuck = new RecordingSink(0, true);
        fanOut.subscribe(SUPERVISOR, "s1", stuck, CAPACITY);

        for (int i = 0; i < CAPACITY * 10; i++) {
            fanOut.publish(user -> Optional.of("frame"));
        }

        assertEquals(0, fanOut.size());
        stuck.release.countDown();
    }

    @Test
    public void anEventIsSentOnlyToTheUsersItIsFor() throws InterruptedException {
        WebUser agent = new WebUser("1001", Set.of(Role.AGENT));
        RecordingSink agentSink = new RecordingSink(1, false);
        RecordingSink supervisorSink = new RecordingSink(2, false);
        fanOut.subscribe(agent, "a", agentSink, CAPACITY);
        fanOut.subscribe(SUPERVISOR, "s", supervisorSink, CAPACITY);

        fanOut.publish(user -> user.seesEverything() ? Optional.of("about 1002") : Optional.empty());
        fanOut.publish(user -> Optional.of("about everyone"));

        assertTrue(supervisorSink.received.await(10, TimeUnit.SECONDS));
        assertTrue(agentSink.received.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("about everyone"), agentSink.frames);
        assertEquals(List.of("about 1002", "about everyone"), supervisorSink.frames);
    }

    @Test
    public void anUnsubscribedClientGetsNothingMore() {
        RecordingSink sink = new RecordingSink(0, false);
        EventFanOut.Subscription subscription = fanOut.subscribe(SUPERVISOR, "s", sink, CAPACITY);

        fanOut.unsubscribe(subscription);
        fanOut.publish(user -> Optional.of("late"));

        assertTrue(subscription.isClosed());
        assertEquals(0, sink.closed.getCount());
        assertFalse(sink.frames.contains("late"));
    }
}
