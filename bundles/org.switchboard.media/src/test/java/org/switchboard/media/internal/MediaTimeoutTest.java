package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/** A leg watched for its media tells, once, when its remote party has sent nothing for the media timeout. */
public class MediaTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(600);
    private static final byte[] FRAME = new byte[Codec.FRAME_SAMPLES];

    private final TemporaryFolder folder = new TemporaryFolder();
    private final MediaServerFixture media = new MediaServerFixture(folder);
    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(media);

    private RtpMediaServer server;
    private final AtomicInteger timeouts = new AtomicInteger();

    @Before
    public void serverWithAShortTimeout() throws Exception {
        server = new RtpMediaServer(media.settings(41200, 41299).withMediaTimeout(TIMEOUT));
    }

    @After
    public void closeServer() {
        server.close();
    }

    @Test
    public void aPartyThatKeepsSendingIsNeverTimedOutAndOneThatStopsIsReportedOnce() throws Exception {
        try (RemoteParty caller = new RemoteParty(1)) {
            RtpLeg leg = (RtpLeg) server.answer("c1", "caller", caller.sdp("0"));
            leg.onMediaTimeout(timeouts::incrementAndGet);

            talkFor(caller, leg, Duration.ofMillis(1500));
            assertEquals("a party that talks for 2.5 timeouts is not timed out", 0, timeouts.get());

            awaitTimeouts(1);
            Thread.sleep(TIMEOUT.toMillis() * 2);
            assertEquals("reported once", 1, timeouts.get());
        }
    }

    @Test
    public void timeOnHoldDoesNotCount() throws Exception {
        try (RemoteParty caller = new RemoteParty(1)) {
            RtpLeg leg = (RtpLeg) server.answer("c1", "caller", caller.sdp("0"));
            leg.onMediaTimeout(timeouts::incrementAndGet);
            leg.reoffered(caller.sdp("0", "a=inactive"));

            Thread.sleep(TIMEOUT.toMillis() * 3);
            assertEquals("a party that holds the call sends nothing, and is not timed out", 0, timeouts.get());

            leg.reoffered(caller.sdp("0", "a=sendrecv"));
            awaitTimeouts(1);
        }
    }

    @Test
    public void aLegNotWatchedOrClosedOrWithTheTimeoutOffIsNeverReported() throws Exception {
        try (RemoteParty caller = new RemoteParty(1); RemoteParty agent = new RemoteParty(2);
                RtpMediaServer timeoutOff = new RtpMediaServer(media.settings(41300, 41399)
                        .withMediaTimeout(Duration.ZERO))) {
            server.answer("c1", "caller", caller.sdp("0"));
            RtpLeg closed = (RtpLeg) server.answer("c2", "caller", agent.sdp("0"));
            closed.onMediaTimeout(timeouts::incrementAndGet);
            closed.close();
            timeoutOff.answer("c3", "caller", caller.sdp("0")).onMediaTimeout(timeouts::incrementAndGet);

            Thread.sleep(TIMEOUT.toMillis() * 3);
            assertEquals(0, timeouts.get());
        }
    }

    @Test
    public void watchingAgainCountsFromThenWithTheNewListener() throws Exception {
        try (RemoteParty caller = new RemoteParty(1)) {
            RtpLeg leg = (RtpLeg) server.answer("c1", "caller", caller.sdp("0"));
            AtomicInteger first = new AtomicInteger();
            leg.onMediaTimeout(first::incrementAndGet);
            Thread.sleep(TIMEOUT.toMillis() / 2);
            leg.onMediaTimeout(timeouts::incrementAndGet);

            awaitTimeouts(1);
            assertEquals("the replaced listener is not called", 0, first.get());
        }
    }

    private static void talkFor(RemoteParty party, RtpLeg leg, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            party.sendAudio(leg.localPort(), 0, FRAME);
            Thread.sleep(40);
        }
    }

    private void awaitTimeouts(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.multipliedBy(5).toNanos();
        while (timeouts.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("media timeouts reported", expected, timeouts.get());
    }
}
