package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.Disposition;

/**
 * The SIP edge's TCP listener against clients that abuse the stream: messages larger than the stack's limit
 * (gov.nist.javax.sip.MAX_MESSAGE_SIZE = 65536), a header section that never ends, a message cut off and then
 * silence (the stack's READ_TIMEOUT, 5000 ms), a sender that trickles one byte every 100 ms, two hundred idle
 * connections, connections that never send a byte (closed after tcpFirstByteSeconds), an INVITE whose sender closes
 * the connection before its body is complete. In each case the server's buffers stay bounded, the abuser is cut off
 * or served, and other clients are served meanwhile.
 * <p>
 * Every request here names 127.0.0.1 in its Via, so that anything the server sends on its own (JAIN-SIP
 * reconnects to the Via's sent-by to deliver a late answer) stays on this machine.
 */
public class SipTcpLimitsTest extends SwitchboardTestSupport {
    /** gov.nist.javax.sip.READ_TIMEOUT as SipEndpoint sets it. */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(5_000);
    /** tcpFirstByteSeconds of etc/org.switchboard.sip.cfg, which the tests leave as shipped. */
    private static final Duration FIRST_BYTE = Duration.ofSeconds(10);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final RawSipClient client = new RawSipClient(SIP_PORT);
    private final TortureServerState.Log log = TortureServerState.Log.mark();

    @Rule
    public final TestName name = new TestName();

    /** Keeps what the server logged during each test (its runtime folder goes after the run). */
    @After
    public void keepServerLog() {
        log.keepProblems("sip-tcp-server-log.txt", name.getMethodName());
    }

    @Test
    public void oversizedBodyIsRefusedOrCutAndOtherClientsAreServed() throws Exception {
        try (RawSipClient.TcpConnection abuser = client.tcp()) {
            byte[] body = new byte[200 * 1024];
            Arrays.fill(body, (byte) 'x');
            String head = register(abuser.localPort(), "Content-Type: text/plain\r\nContent-Length: " + body.length);
            boolean wroteAll = abuser.offer(RawSipClient.ascii(head)) && abuser.offer(body);
            List<RawSipResponse> answers = abuser.receive(Duration.ofSeconds(3), true);
            SipTortureTest.report("TCP, 200 KB body with a matching Content-Length: " + (wroteAll ? "all written"
                    : "the server cut the connection while it was written") + "; answers " + summaries(answers)
                    + "; connection closed by the server: " + abuser.closedByServer());
            assertTrue("refused (4xx, 513 Message Too Large) or cut: " + summaries(answers) + ", closed "
                    + abuser.closedByServer(), abuser.closedByServer() || answers.stream()
                            .anyMatch(r -> r.status() >= 400 && r.status() < 500 || r.status() == 513));
            assertFalse("never processed (a 401 challenge or a 2xx would mean it was): " + summaries(answers),
                    answers.stream().anyMatch(r -> r.status() == 401 || r.status() >= 200 && r.status() < 300));
        }
        assertAnotherClientIsServed("after a 200 KB message");
    }

    @Test
    public void headerSectionThatNeverEndsIsCutAndOtherClientsAreServed() throws Exception {
        try (RawSipClient.TcpConnection abuser = client.tcp()) {
            String start = register(abuser.localPort(), "Content-Length: 0").replace("\r\n\r\n", "\r\n");
            boolean open = abuser.offer(RawSipClient.ascii(start));
            String filler = "X-Filler: " + "a".repeat(1000) + "\r\n";
            int written = start.length();
            long began = System.nanoTime();
            while (open && written < 200 * 1024) {
                open = abuser.offer(RawSipClient.ascii(filler));
                written += filler.length();
            }
            Optional<Duration> closed = abuser.closedByServer() ? Optional.of(Duration.ZERO)
                    : abuser.awaitClosedByServer(Duration.ofSeconds(3));
            SipTortureTest.report("TCP, a header section without end: " + (open ? "200 KB written" : "cut after "
                    + written / 1024 + " KB written") + "; closed by the server "
                    + closed.map(d -> "(" + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms after the "
                            + "first byte)").orElse("no (still open 3 s after the last byte)"));
            assertTrue("a header section longer than the 64 KB limit makes the server close the connection",
                    closed.isPresent());
        }
        assertAnotherClientIsServed("after a header section without end");
    }

    @Test
    public void partialMessageThenSilenceIsClosedWithinTheReadTimeout() throws Exception {
        try (RawSipClient.TcpConnection silent = client.tcp()) {
            String partial = register(silent.localPort(), "Content-Length: 0");
            silent.send(RawSipClient.ascii(partial.substring(0, partial.indexOf("CSeq"))));
            long sent = System.nanoTime();
            Optional<Duration> closed = silent.awaitClosedByServer(READ_TIMEOUT.plusSeconds(3));
            SipTortureTest.report("TCP, half a header section then silence: " + closed
                    .map(d -> "closed by the server after " + Duration.ofNanos(System.nanoTime() - sent).toMillis()
                            + " ms")
                    .orElse("still open after " + READ_TIMEOUT.plusSeconds(3).toMillis() + " ms")
                    + " (READ_TIMEOUT " + READ_TIMEOUT.toMillis() + " ms)");
            assertTrue("the server closes a connection whose message stops half-way within its read timeout",
                    closed.isPresent());
        }
        assertAnotherClientIsServed("after a partial message");
    }

    @Test
    public void slowSenderIsServedOrCutAndOtherClientsAreServedMeanwhile() throws Exception {
        ExecutorService slowThread = Executors.newSingleThreadExecutor();
        try (RawSipClient.TcpConnection slow = client.tcp()) {
            // a REGISTER: its 401 challenge shows the whole message arrived (OPTIONS would say the same, if answered)
            byte[] message = RawSipClient.ascii(compactRegister(slow.localPort()));
            long began = System.nanoTime();
            Future<Integer> trickle = slowThread.submit(() -> slow.sendSlowly(message, Duration.ofMillis(100)));
            List<Long> others = new ArrayList<>();
            while (!trickle.isDone()) {
                Thread.sleep(3000);
                long asked = System.nanoTime();
                assertAnotherClientIsServed("while a client sends one byte every 100 ms");
                others.add(Duration.ofNanos(System.nanoTime() - asked).toMillis());
            }
            int sent = trickle.get();
            long took = Duration.ofNanos(System.nanoTime() - began).toMillis();
            boolean sentAll = sent == message.length;
            List<RawSipResponse> answers = sentAll ? slow.receive(Duration.ofSeconds(2), true) : List.of();
            SipTortureTest.report("TCP, " + message.length + " bytes at one every 100 ms: " + (sentAll
                    ? "all sent in " + took + " ms, answered " + summaries(answers)
                    : "cut by the server after " + sent + " bytes, " + took + " ms after the first")
                    + "; meanwhile other clients were answered in " + others + " ms");
            assertTrue("the slow client is served (401 challenge) or cut by the server's timeout: "
                    + summaries(answers), !sentAll || answers.stream().anyMatch(r -> r.status() == 401));
        } finally {
            slowThread.shutdownNow();
            slowThread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    public void twoHundredIdleConnectionsKeepNeitherTcpNorUdpClientsWaiting() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<RawSipClient.TcpConnection> idle = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(client.tcp());
            }
            Thread.sleep(500);
            int threadsWithIdle = ManagementFactory.getThreadMXBean().getThreadCount();

            assertAnotherClientIsServed("with 200 idle connections open");
            try (RawSipClient.TcpConnection other = client.tcp()) {
                other.send(RawSipClient.ascii(options(other.localPort())));
                List<RawSipResponse> answers = other.receive(Duration.ofSeconds(2), true);
                if (answers.stream().noneMatch(r -> r.status() == 200)) {
                    problems.add("an OPTIONS over a new TCP connection, with 200 idle ones open, got "
                            + summaries(answers) + ", not 200");
                }
            }
            registerPhoneIfNeeded("1001", AGENT_1001_PORT);
            onlyAvailable("1001");
            Set<String> before = callIds();
            Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
            sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
            agent.expectSuccess();
            CallDetailRecord call = endedCallSince(before);
            assertEquals("a UDP call with 200 idle TCP connections open", Disposition.ANSWERED, call.disposition());

            int stillOpen = 0;
            for (RawSipClient.TcpConnection connection : idle) {
                if (connection.awaitClosedByServer(Duration.ofMillis(1)).isEmpty()) {
                    stillOpen++;
                }
            }
            SipTortureTest.report("TCP, 200 idle connections: server threads " + threadsBefore + " before, "
                    + threadsWithIdle + " with them open; " + stillOpen + " of 200 still open after the call ("
                    + "the server closes a connection that sends nothing within " + FIRST_BYTE.toSeconds() + " s)");
        } finally {
            idle.forEach(RawSipClient.TcpConnection::close);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        while (threadsAfter > threadsBefore + 10 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        SipTortureTest.report("TCP, after closing the 200 idle connections: server threads " + threadsAfter);
        if (threadsAfter > threadsBefore + 10) {
            problems.add("the server's threads for closed connections did not go: " + threadsBefore + " before, "
                    + threadsAfter + " 10 s after closing");
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void connectionsThatNeverSendAByteAreClosedWithinTheConfiguredTimeAndOthersAreServed() throws Exception {
        List<RawSipClient.TcpConnection> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                silent.add(client.tcp());
            }
            long opened = System.nanoTime();
            assertAnotherClientIsServed("with 100 connections open that never send a byte");
            long deadline = opened + FIRST_BYTE.plusSeconds(10).toNanos();
            int closed = 0;
            for (RawSipClient.TcpConnection connection : silent) {
                Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
                if (connection.awaitClosedByServer(left).isPresent()) {
                    closed++;
                }
            }
            SipTortureTest.report("TCP, 100 connections that never send a byte: " + closed + " closed by the server "
                    + "within " + Duration.ofNanos(System.nanoTime() - opened).toMillis() + " ms (tcpFirstByteSeconds "
                    + FIRST_BYTE.toSeconds() + ")");
            assertEquals("connections silent for tcpFirstByteSeconds are closed by the server", silent.size(),
                    closed);
        } finally {
            silent.forEach(RawSipClient.TcpConnection::close);
        }
        assertAnotherClientIsServed("after the silent connections were closed");
    }

    @Test
    public void inviteWhoseSenderHangsUpBeforeTheBodyEndsIsAnsweredNothingAndLeavesNoCallBehind()
            throws Exception {
        onlyAvailable();
        Set<String> before = callIds();
        try (RawSipClient.TcpConnection cut = client.tcp()) {
            String sdp = "v=0\r\no=cut 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0\r\n";
            int n = IDS.incrementAndGet();
            String invite = "INVITE sip:4000@127.0.0.1:" + SIP_PORT + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + cut.localPort() + ";branch=z9hG4bK-cut-" + n + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:cut@127.0.0.1>;tag=c" + n + "\r\nTo: <sip:4000@127.0.0.1>\r\n"
                    + "Call-ID: cut-" + n + "-" + System.nanoTime() + "@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:cut@127.0.0.1:" + cut.localPort() + ";transport=tcp>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + (sdp.length() + 100) + "\r\n\r\n" + sdp;
            cut.send(RawSipClient.ascii(invite));
            List<RawSipResponse> answers = cut.receive(Duration.ofMillis(500), false);
            assertTrue("nothing is answered before the body is complete: " + summaries(answers), answers.isEmpty());
        }
        Thread.sleep(1500);
        Set<String> created = callIds();
        created.removeAll(before);
        SipTortureTest.report("TCP, an INVITE to 4000 whose sender closes the connection 100 bytes short of its "
                + "Content-Length: " + (created.isEmpty() ? "no call" : "taken for call(s) " + created));
        // Known deviation of JAIN-SIP RI 1.3.0-91: on close its stream parser hands on the cut-off INVITE with
        // the body it got, so the server cannot tell it from a complete one (RFC 3261 18.3 says discard it).
        // What the server owes is that such a call ends on its own like any caller nobody answers.
        if (!created.isEmpty()) {
            SipTortureTest.report("KNOWN DEVIATION (JAIN-SIP RI): a cut-off TCP INVITE was taken for call(s) "
                    + created);
        }
        awaitCondition("no call left unfinished", () -> records().unfinished().isEmpty());
        for (String id : created) {
            Disposition ended = records().find(id).orElseThrow().disposition();
            assertTrue(id + " ended " + ended, ended == Disposition.NO_AGENT || ended == Disposition.FAILED);
        }
    }

    // ---- helpers

    /** Another client, on a new TCP connection, gets its REGISTER challenged (401) within 2 s. */
    private void assertAnotherClientIsServed(String when) throws Exception {
        try (RawSipClient.TcpConnection other = client.tcp()) {
            other.send(RawSipClient.ascii(register(other.localPort(), "Content-Length: 0")));
            List<RawSipResponse> answers = other.receive(Duration.ofSeconds(2), true);
            assertTrue("another client's REGISTER over TCP " + when + " is challenged within 2 s: "
                    + summaries(answers), answers.stream().anyMatch(r -> r.status() == 401));
        }
    }

    private static String register(int localPort, String lastHeaders) {
        int n = IDS.incrementAndGet();
        return "REGISTER sip:127.0.0.1:" + SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + localPort + ";branch=z9hG4bK-tcp-" + n + "-" + System.nanoTime()
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:tcp@127.0.0.1>;tag=t" + n + "\r\nTo: <sip:tcp@127.0.0.1>\r\n"
                + "Call-ID: tcp-" + n + "-" + System.nanoTime() + "@127.0.0.1\r\nCSeq: 1 REGISTER\r\n"
                + "Contact: <sip:tcp@127.0.0.1:" + localPort + ";transport=tcp>\r\n" + lastHeaders + "\r\n\r\n";
    }

    /** A REGISTER in compact form (with the Max-Forwards JAIN-SIP insists on), so that trickling it is shorter. */
    private static String compactRegister(int localPort) {
        int n = IDS.incrementAndGet();
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\nv:SIP/2.0/TCP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + n
                + "s\r\nf:<sip:t@127.0.0.1>;tag=" + n + "\r\nt:<sip:t@127.0.0.1>\r\ni:s" + n + "-"
                + System.nanoTime() % 100000 + "\r\nCSeq:1 REGISTER\r\nMax-Forwards:70\r\nl:0\r\n\r\n";
    }

    private static String options(int localPort) {
        int n = IDS.incrementAndGet();
        return "OPTIONS sip:127.0.0.1:" + SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + localPort + ";branch=z9hG4bK-opt-" + n + "-" + System.nanoTime()
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:tcp@127.0.0.1>;tag=o" + n + "\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: opt-" + n + "-" + System.nanoTime() + "@127.0.0.1\r\nCSeq: 1 OPTIONS\r\n"
                + "Accept: application/sdp\r\nContent-Length: 0\r\n\r\n";
    }

    private static String summaries(List<RawSipResponse> answers) {
        return answers.isEmpty() ? "no answer" : answers.stream().map(RawSipResponse::summary).toList().toString();
    }
}
