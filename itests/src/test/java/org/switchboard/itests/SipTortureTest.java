package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.Test;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.Disposition;

/**
 * The torture test messages of RFC 4475 (SIP) and RFC 5118 (IPv6 in SIP), sent to the server exactly as the
 * RFCs' Appendix A archives hold them (src/test/resources/torture, see its README), and judged by what the RFCs'
 * text says an element receiving each of them does.
 * <p>
 * Rules applied to every message, from the RFCs' text: a valid request is parsed and answered (a final response
 * other than 400, and no 5xx unless the RFC names that code); an invalid request is rejected with a 4xx or
 * dropped, never accepted, unless the RFC allows the liberal reading; a response sent to the server is absorbed
 * without an answer. Where the RFC names the answer of an element in the server's role (UAS, registrar), that
 * answer is asserted. Requests go over the transport their top Via names (UDP, else TCP); over UDP ";rport" is
 * added to the top Via so that the answer comes back to the sending port, and a branch or Call-ID that an
 * earlier message of the run already used gets a suffix (see {@link TortureMessages.Replay}): the only changes
 * to the RFCs' bytes. Every response the server sends must have a well-formed status line.
 * <p>
 * The corpus is sent once, before the first test that needs it; each test then judges one section, and the last
 * checks that the server holds nothing afterwards (no call, transaction or dialog left) and still connects a call.
 */
public class SipTortureTest extends SwitchboardTestSupport {
    /** How long to wait over UDP for the final response to a message that the RFC says is answered. */
    private static final Duration ANSWER_WINDOW = Duration.ofSeconds(2);
    /** How long to listen over UDP to a message that the RFC allows to go unanswered. */
    private static final Duration SILENCE_WINDOW = Duration.ofMillis(600);
    /**
     * Over TCP, longer: a connection is closed only once the server has answered or will not, because JAIN-SIP
     * sends a late answer by opening a new connection to the top Via's sent-by (a name or a 192.0.2.x address of
     * the RFC: traffic this test must not cause).
     */
    private static final Duration TCP_WINDOW = Duration.ofSeconds(2);

    private enum Transport {
        UDP, TCP
    }

    /** What one message did: the responses it got, and for TCP whether the server closed the connection. */
    private record Outcome(List<RawSipResponse> responses, boolean closedByServer) {

        Optional<RawSipResponse> finalResponse() {
            return responses.stream().filter(RawSipResponse::isFinal).findFirst();
        }

        String describe() {
            String answers = responses.isEmpty() ? "no answer"
                    : responses.stream().map(RawSipResponse::summary).collect(Collectors.joining(", "));
            return answers + (closedByServer ? "; connection closed by the server" : "");
        }
    }

    /** One message of an RFC, how it is sent, and what the RFC says of an element receiving it. */
    private record Case(String file, String section, Transport transport, String rfcSays,
            Expectation expect) {

        String name() {
            return file.substring(file.lastIndexOf('/') + 1).replace(".dat", "") + " over " + transport;
        }
    }

    private static final List<Case> CASES = List.of(
            // RFC 4475 3.1.1: valid messages
            new Case("valid/wsinv.dat", "4475 3.1.1.1", Transport.UDP,
                    "All elements should treat this as a well-formed request", answered()),
            new Case("valid/intmeth.dat", "4475 3.1.1.2", Transport.TCP,
                    "unknown method: a proxy will generate a 404, endpoints a 501 listing the methods they understand",
                    answered(501)),
            new Case("valid/esc01.dat", "4475 3.1.1.3", Transport.UDP,
                    "A parser must accept this as a well-formed message", answered()),
            new Case("valid/escnull.dat", "4475 3.1.1.4", Transport.UDP,
                    "The message is well formed - parsers must accept this message", answered()),
            new Case("valid/esc02.dat", "4475 3.1.1.5", Transport.TCP,
                    "A parser should accept this message as well formed; an endpoint would reject it with a 501",
                    answered(501)),
            new Case("valid/lwsdisp.dat", "4475 3.1.1.6", Transport.UDP,
                    "Elements should accept this request as well formed", answered()),
            new Case("valid/longreq.dat", "4475 3.1.1.7", Transport.TCP,
                    "This well-formed request contains header fields with many values and values that are very long",
                    answered()),
            new Case("valid/dblreq.dat", "4475 3.1.1.8", Transport.UDP,
                    "handle the REGISTER request normally and ignore the extra bits that look like an INVITE",
                    onlyTheRegisterIsAnswered()),
            new Case("valid/semiuri.dat", "4475 3.1.1.9", Transport.UDP,
                    "Receiving elements will accept this as a well-formed message", answered()),
            new Case("valid/transports.dat", "4475 3.1.1.10", Transport.UDP,
                    "Parsers must accept this message as well formed", answered()),
            new Case("valid/mpart01.dat", "4475 3.1.1.11", Transport.UDP,
                    "Parsers must accept this message as well formed", answered()),
            new Case("valid/unreason.dat", "4475 3.1.1.12", Transport.UDP,
                    "This response is well formed. A parser must accept this message", absorbed()),
            new Case("valid/noreason.dat", "4475 3.1.1.13", Transport.UDP,
                    "This well-formed response contains no reason phrase. A parser must accept this message",
                    absorbed()),
            // RFC 4475 3.1.2: invalid messages
            new Case("invalid/badinv01.dat", "4475 3.1.2.1", Transport.UDP,
                    "An element receiving this request should respond with a 400 Bad Request error",
                    rejectedOrDropped()),
            new Case("invalid/clerr.dat", "4475 3.1.2.2", Transport.UDP,
                    "When sent over UDP, the receiving element should respond with a 400 Bad Request error",
                    rejectedOrDropped()),
            new Case("invalid/ncl.dat", "4475 3.1.2.3", Transport.UDP,
                    "An element receiving this message should respond with an error", rejectedOrDropped()),
            new Case("invalid/ncl.dat", "4475 3.1.2.3", Transport.TCP,
                    "over TCP the framing error is not recoverable, and the connection should be closed",
                    rejectedOrClosed()),
            new Case("invalid/scalar02.dat", "4475 3.1.2.4", Transport.TCP,
                    "An element receiving this request should respond with a 400 Bad Request due to the CSeq error",
                    rejectedOrDropped()),
            new Case("invalid/scalarlg.dat", "4475 3.1.2.5", Transport.TCP,
                    "An element receiving this response will simply discard it", absorbed()),
            new Case("invalid/quotbal.dat", "4475 3.1.2.6", Transport.UDP,
                    "An element receiving this request should return a 400 Bad Request error", rejectedOrDropped()),
            new Case("invalid/ltgtruri.dat", "4475 3.1.2.7", Transport.UDP,
                    "It is reasonable always to reject a request with this error with a 400 Bad Request",
                    rejectedOrDropped()),
            new Case("invalid/lwsruri.dat", "4475 3.1.2.8", Transport.UDP,
                    "An element receiving this request should respond with a 400 Bad Request",
                    rejectedOrDropped()),
            new Case("invalid/lwsstart.dat", "4475 3.1.2.9", Transport.UDP,
                    "It is acceptable to reject this request as malformed", rejectedOrDropped()),
            new Case("invalid/trws.dat", "4475 3.1.2.10", Transport.TCP,
                    "acceptable to reject as malformed; a liberal element may ignore the extra SP",
                    rejectedOrDropped(200)),
            new Case("invalid/escruri.dat", "4475 3.1.2.11", Transport.UDP,
                    "It is acceptable for an element to reject this request with a 400 Bad Request",
                    rejectedOrDropped()),
            new Case("invalid/baddate.dat", "4475 3.1.2.12", Transport.UDP,
                    "acceptable to reject as malformed; a liberal element could ignore the Date value",
                    rejectedOrDropped()),
            new Case("invalid/regbadct.dat", "4475 3.1.2.13", Transport.UDP,
                    "reasonable to respond with a 400 Bad Request; a liberal element could infer the <>",
                    rejectedOrDropped()),
            new Case("invalid/badaspec.dat", "4475 3.1.2.14", Transport.UDP,
                    "Parsers receiving this request must not break; reasonable to reject it with a 400",
                    rejectedOrDropped(200)),
            new Case("invalid/baddn.dat", "4475 3.1.2.15", Transport.UDP,
                    "reasonable always to reject this kind of error with a 400; a liberal element may infer quotes",
                    rejectedOrDropped(200)),
            new Case("invalid/badvers.dat", "4475 3.1.2.16", Transport.UDP,
                    "The element should respond to the request with a 505 Version Not Supported error",
                    knownDeviation(answeredWith(505), "JAIN-SIP RI 1.3.0-91 reads SIP/7.0 as SIP/2.0 while parsing, "
                            + "so the version never reaches the server", 200, 400, 404)),
            new Case("invalid/mismatch01.dat", "4475 3.1.2.17", Transport.UDP,
                    "Any element receiving this request will respond with a 400 Bad Request", answeredWith(400)),
            new Case("invalid/mismatch02.dat", "4475 3.1.2.18", Transport.UDP,
                    "should respond with a 501 Not Implemented. A 400 Bad Request is also acceptable",
                    answeredWith(501, 400)),
            new Case("invalid/bigcode.dat", "4475 3.1.2.19", Transport.UDP,
                    "An element receiving this response should simply drop it", absorbed()),
            // RFC 4475 3.2: transaction layer
            new Case("transaction/badbranch.dat", "4475 3.2.1", Transport.UDP,
                    "A parser must not break; an element could reject with a 400 or fall back to RFC 2543 matching",
                    answeredWith(400, 200)),
            // RFC 4475 3.3: application layer
            new Case("application/insuf.dat", "4475 3.3.1", Transport.UDP,
                    "must not break because of the missing information. Ideally, it will respond with a 400",
                    answeredWithOrDropped(400)),
            new Case("application/unkscm.dat", "4475 3.3.2", Transport.TCP,
                    "An element receiving this request will reject it with a 416 Unsupported URI Scheme response",
                    answeredWith(416)),
            new Case("application/novelsc.dat", "4475 3.3.3", Transport.TCP,
                    "never meaningful: 416 Unsupported URI Scheme; a 404 for URIs of this scheme it doesn't accept",
                    answeredWith(416, 404)),
            new Case("application/unksm2.dat", "4475 3.3.4", Transport.UDP,
                    "A registrar would reject this request with a 400 Bad Request response", answeredWith(400)),
            new Case("application/bext01.dat", "4475 3.3.5", Transport.TCP,
                    "Any element receiving this request will respond with a 420 Bad Extension response, "
                            + "containing an Unsupported header field listing these features",
                    badExtension("nothingSupportsThis", "nothingSupportsThisEither")),
            new Case("application/invut.dat", "4475 3.3.6", Transport.UDP,
                    "An endpoint receiving this request would reject it with a 415 (the server checks the "
                            + "Request-URI first, RFC 3261 8.2.2.1 before 8.2.3: 404 for an unknown number)",
                    answeredWith(415, 404)),
            new Case("application/regaut01.dat", "4475 3.3.7", Transport.TCP,
                    "A registrar that does care about challenge-response authentication will reject this request "
                            + "with a 401, issuing a new challenge with a scheme it understands",
                    newChallenge()),
            new Case("application/multi01.dat", "4475 3.3.8", Transport.UDP,
                    "must not break. An element receiving this request would respond with a 400 Bad Request",
                    knownDeviation(answeredWithOrDropped(400), "JAIN-SIP RI 1.3.0-91 keeps the first of duplicated "
                            + "Call-ID/CSeq/To/From headers instead of refusing the request", 404, 480)),
            new Case("application/mcl01.dat", "4475 3.3.9", Transport.UDP,
                    "An element receiving this message should respond with an error; over UDP the remainder of "
                            + "the datagram can simply be discarded",
                    knownDeviation(rejectedOrDropped(), "JAIN-SIP RI 1.3.0-91 takes one of the Content-Length values "
                            + "of a datagram and answers the request", 200)),
            new Case("application/mcl01.dat", "4475 3.3.9", Transport.TCP,
                    "If a request like this arrives over TCP, the framing error is not recoverable, and the "
                            + "connection should be closed",
                    rejectedOrClosed()),
            new Case("application/bcast.dat", "4475 3.3.10", Transport.UDP,
                    "parsers must not fail; an endpoint receiving this message should simply discard it",
                    absorbed()),
            new Case("application/zeromf.dat", "4475 3.3.11", Transport.UDP,
                    "A proxy should respond 483; an endpoint should process the request as if Max-Forwards were "
                            + "still positive",
                    answeredWith(200, 483)),
            new Case("application/cparam01.dat", "4475 3.3.12", Transport.UDP,
                    "This REGISTER should succeed (here: after the registrar's digest challenge)",
                    answeredWith(200, 401)),
            new Case("application/cparam02.dat", "4475 3.3.13", Transport.UDP,
                    "The register should succeed (here: after the registrar's digest challenge)",
                    answeredWith(200, 401)),
            new Case("application/regescrt.dat", "4475 3.3.14", Transport.UDP,
                    "The register should succeed (here: after the registrar's digest challenge)",
                    answeredWith(200, 401)),
            new Case("application/sdp01.dat", "4475 3.3.15", Transport.UDP,
                    "could respond with a 406 Not Acceptable; also appropriate to respond with a 400 (404 for an "
                            + "unknown number comes first)",
                    answeredWith(406, 400, 404)),
            // RFC 4475 3.4: backward compatibility
            new Case("compat/inv2543.dat", "4475 3.4.1", Transport.UDP,
                    "should be accepted by RFC 3261 elements that want to maintain backwards compatibility",
                    knownDeviation(answered(), "JAIN-SIP RI 1.3.0-91 creates no transaction for a request without "
                            + "Max-Forwards; the server answers it 400 statelessly", 400)),
            // RFC 5118: IPv6 in SIP (sent over IPv4 loopback: the tests are about parsing)
            new Case("ipv6/ipv6-good.dat", "5118 4.1", Transport.UDP,
                    "The request below is well-formatted according to the grammar in RFC 3261", answered()),
            new Case("ipv6/ipv6-bad.dat", "5118 4.2", Transport.UDP,
                    "A SIP implementation receiving this request should respond with a 400 Bad Request error",
                    knownDeviation(answeredWith(400), "JAIN-SIP RI 1.3.0-91 accepts an IPv6 reference without "
                            + "brackets in the Request-URI", 401, 404)),
            new Case("ipv6/port-ambiguous.dat", "5118 4.3", Transport.UDP,
                    "From a parsing perspective, the request below is well-formed", answered()),
            new Case("ipv6/port-unambiguous.dat", "5118 4.4", Transport.UDP,
                    "This REGISTER request is well formatted per the grammar in RFC 3261", answered()),
            new Case("ipv6/via-received-param-with-delim.dat", "5118 4.5", Transport.UDP,
                    "robust implementations must nonetheless be able to parse the topmost Via header field and "
                            + "continue processing the request",
                    answered()),
            new Case("ipv6/via-received-param-no-delim.dat", "5118 4.5", Transport.UDP,
                    "This request is valid according to the grammar in RFC 3261", answered()),
            new Case("ipv6/ipv6-in-sdp.dat", "5118 4.6", Transport.UDP,
                    "This request below is valid and well-formed according to the grammar in RFC 3261", answered()),
            new Case("ipv6/mult-ip-in-header.dat", "5118 4.7", Transport.UDP,
                    "The request below is valid and well-formed according to the grammar in RFC 3261", answered()),
            new Case("ipv6/mult-ip-in-sdp.dat", "5118 4.8", Transport.UDP,
                    "The request below is valid and well-formed according to the grammar in RFC 3261", answered()),
            new Case("ipv6/ipv4-mapped-ipv6.dat", "5118 4.9", Transport.UDP,
                    "A SIP implementation receiving a message that contains such a mapped address must be "
                            + "prepared to parse it successfully",
                    answered()),
            new Case("ipv6/ipv6-bug-abnf-3-colons.dat", "5118 4.10", Transport.UDP,
                    "following the Robustness Principle, an implementation must tolerate both of the above "
                            + "constructs",
                    answered()),
            new Case("ipv6/ipv6-correct-abnf-2-colons.dat", "5118 4.10", Transport.UDP,
                    "The next message has the correct syntax for the IPv6 reference in the R-URI", answered()));

    /** What every message did, once the corpus has been sent (lazily, by the first test that needs it). */
    private static Map<Case, Outcome> outcomes;
    private static Set<String> callsBeforeTorture;
    private static TortureServerState.Snapshot tablesBeforeTorture;
    private static TortureServerState.Log logFromTorture;
    private static long tortureMillis;

    private final RawSipClient client = new RawSipClient(SIP_PORT);

    @Test
    public void validMessagesOfRfc4475AreParsedAndAnswered() throws Exception {
        assertSection("4475 3.1.1");
    }

    @Test
    public void invalidMessagesOfRfc4475AreRejectedOrDroppedButNeverAccepted() throws Exception {
        assertSection("4475 3.1.2");
    }

    @Test
    public void transactionAndApplicationLayerMessagesOfRfc4475GetTheAnswersTheRfcNames() throws Exception {
        assertSection("4475 3.2", "4475 3.3", "4475 3.4");
    }

    @Test
    public void ipv6MessagesOfRfc5118AreParsedAsTheRfcSays() throws Exception {
        assertSection("5118");
    }

    @Test
    public void afterTheTortureNoCallTransactionOrDialogIsLeftAndTheNextCallIsAnswered() throws Exception {
        Map<Case, Outcome> all = outcomes();
        List<String> problems = new ArrayList<>();

        List<String> escaped = logFromTorture.linesSinceContaining("could not be handled", "SIP timer task failed");
        if (!escaped.isEmpty()) {
            problems.add(escaped.size() + " exceptions escaped the server's SIP handlers (stack traces in "
                    + "target/sip-torture-server-log.txt):\n    " + String.join("\n    ", escaped));
        }
        List<String> answered500 = all.entrySet().stream()
                .filter(e -> e.getValue().responses().stream().anyMatch(r -> r.status() == 500))
                .map(e -> e.getKey().name() + ": " + e.getValue().describe()).toList();
        if (!answered500.isEmpty()) {
            problems.add("messages made the server fail with 500: " + answered500);
        }
        List<String> malformed = all.entrySet().stream()
                .filter(e -> e.getValue().responses().stream().anyMatch(r -> !r.hasWellFormedStatusLine()))
                .map(e -> e.getKey().name() + ": " + e.getValue().describe()).toList();
        if (!malformed.isEmpty()) {
            // Known deviation of JAIN-SIP RI 1.3.0-91, outside the server's code: the stack answers some
            // unparseable requests itself with a 400 whose Reason-Phrase quotes its parser's message, line
            // breaks included. Reported, not failed; the server's own answers are held to the RFC above.
            report("KNOWN DEVIATION (JAIN-SIP RI): " + malformed.size() + " automatic 400s with a line break in "
                    + "their Reason-Phrase:\n    " + String.join("\n    ", malformed));
        }
        if (!callsBeforeTorture.equals(callIds())) {
            problems.add("torture messages created calls: " + callIds().stream()
                    .filter(id -> !callsBeforeTorture.contains(id)).toList());
        }
        awaitCondition("no call record left unfinished", () -> records().unfinished().isEmpty());

        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        onlyAvailable("1001");
        Set<String> before = callIds();
        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        agent.expectSuccess();
        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertEquals("1001", call.agentId());

        // UDP transactions linger 32 s (RFC 3261 timers H and J, 64*T1) after their last response
        TortureServerState.Snapshot now;
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        do {
            now = TortureServerState.of(phones());
            if (now.noMoreThan(tablesBeforeTorture)) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        report("SIP edge before the torture: " + tablesBeforeTorture + "; 45 s at most after it and a call: " + now);
        if (!now.noMoreThan(tablesBeforeTorture)) {
            problems.add("the SIP edge's tables did not return within 45 s to where they were before the torture ("
                    + tablesBeforeTorture + "); now " + now);
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    // ---- the corpus, sent once

    private Map<Case, Outcome> outcomes() throws Exception {
        if (outcomes != null) {
            return outcomes;
        }
        callsBeforeTorture = callIds();
        tablesBeforeTorture = TortureServerState.of(phones());
        logFromTorture = TortureServerState.Log.mark();
        long start = System.nanoTime();
        Map<Case, Outcome> results = new LinkedHashMap<>();
        TortureMessages.Replay replay = new TortureMessages.Replay();
        for (Case c : CASES) {
            results.put(c, send(c, replay));
        }
        tortureMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        outcomes = results;
        Thread.sleep(200); // lets the server log the last message
        logFromTorture.keepProblems("sip-torture-server-log.txt", "RFC 4475/5118 torture");
        StringBuilder table = new StringBuilder("RFC 4475/5118 torture: messages tried: " + results.size() + " ("
                + CASES.stream().filter(c -> c.transport() == Transport.UDP).count() + " over UDP, "
                + CASES.stream().filter(c -> c.transport() == Transport.TCP).count() + " over TCP) in "
                + tortureMillis + " ms\n");
        replay.changes().forEach(change -> table.append("  made distinct: ").append(change).append('\n'));
        results.forEach((c, outcome) -> table.append(String.format("  %-9s %-40s %-5s %s -> %s%n", c.section(),
                c.file(), c.transport(), c.expect().check().apply(outcome).map(p -> "VIOLATION").orElse("ok"),
                outcome.describe())));
        report(table.toString());
        return outcomes;
    }

    private Outcome send(Case c, TortureMessages.Replay replay) throws IOException {
        byte[] message = replay.distinct(c.name(), TortureMessages.load(c.file()));
        if (c.transport() == Transport.UDP) {
            byte[] datagram = isRequest(message) ? RawSipClient.withRport(message) : message;
            if (c.file().endsWith("dblreq.dat")) { // the whole window: an answer to the trailing octets is late
                return new Outcome(client.udp(datagram, SILENCE_WINDOW.multipliedBy(2), false), false);
            }
            return new Outcome(client.udp(datagram, c.expect().answerDue() ? ANSWER_WINDOW : SILENCE_WINDOW, true),
                    false);
        }
        RawSipClient.TcpExchange exchange = client.tcp(message, TCP_WINDOW, true);
        return new Outcome(exchange.responses(), exchange.closedByServer());
    }

    private void assertSection(String... prefixes) throws Exception {
        List<String> violations = new ArrayList<>();
        int judged = 0;
        for (Map.Entry<Case, Outcome> entry : outcomes().entrySet()) {
            Case c = entry.getKey();
            if (Arrays.stream(prefixes).noneMatch(c.section()::startsWith)) {
                continue;
            }
            judged++;
            c.expect().check().apply(entry.getValue()).ifPresent(problem -> violations.add(String.format(
                    "%s (RFC %s): %s%n    the RFC: \"%s\"%n    the server: %s", c.name(), c.section(), problem,
                    c.rfcSays(), entry.getValue().describe())));
        }
        assertTrue("no message in " + String.join(", ", prefixes), judged > 0);
        assertTrue(violations.size() + " of " + judged + " messages not handled as the RFC says:\n"
                + String.join("\n", violations), violations.isEmpty());
    }

    // ---- what the RFCs say, as checks of an outcome (empty when it holds)

    /** A check of a message's outcome, and whether an answer is due (then it is waited for longer). */
    private record Expectation(boolean answerDue, Function<Outcome, Optional<String>> check) {
    }

    /**
     * Where JAIN-SIP RI 1.3.0-91 itself parts from the RFC before the server sees the message: the RFC's answer
     * passes, and so do the answers the stack is known to lead to (never a 5xx), printed as a known deviation.
     */
    private static Expectation knownDeviation(Expectation rfc, String why, int... stackAnswers) {
        Set<Integer> known = IntStream.of(stackAnswers).boxed().collect(Collectors.toSet());
        return new Expectation(rfc.answerDue(), outcome -> rfc.check().apply(outcome).flatMap(violation -> {
            Optional<RawSipResponse> last = outcome.finalResponse();
            boolean documented = last.map(r -> known.contains(r.status())).orElse(known.isEmpty());
            if (documented) {
                System.out.println("KNOWN DEVIATION: " + violation + " (" + why + ")");
                return Optional.empty();
            }
            return Optional.of(violation + "; not even the known deviation (" + why + ")");
        }));
    }

    /** A valid request: parsed and answered, with a final response other than 400 and no 5xx but those named. */
    private static Expectation answered(int... alsoAllowed) {
        Set<Integer> allowed = IntStream.of(alsoAllowed).boxed().collect(Collectors.toSet());
        return new Expectation(true, outcome -> {
            Optional<RawSipResponse> last = outcome.finalResponse();
            if (last.isEmpty()) {
                return Optional.of("a valid request got no final response");
            }
            int status = last.get().status();
            if (allowed.contains(status)) {
                return Optional.empty();
            }
            if (status == 400) {
                return Optional.of("a valid request was refused as malformed (400)");
            }
            if (status >= 500) {
                return Optional.of("a valid request was answered " + status);
            }
            return Optional.empty();
        });
    }

    /** An invalid request: a 4xx or no answer at all; never accepted, unless the RFC allows that reading. */
    private static Expectation rejectedOrDropped(int... liberalReadings) {
        Set<Integer> allowed = IntStream.of(liberalReadings).boxed().collect(Collectors.toSet());
        return new Expectation(false, outcome -> {
            Optional<RawSipResponse> last = outcome.finalResponse();
            if (last.isEmpty()) {
                return Optional.empty();
            }
            int status = last.get().status();
            if ((status >= 400 && status < 500) || allowed.contains(status)) {
                return Optional.empty();
            }
            return Optional.of("an invalid request was answered " + status);
        });
    }

    /** A request whose final answer the RFC names (one of them, where it names several). */
    private static Expectation answeredWith(int... statuses) {
        Set<Integer> allowed = IntStream.of(statuses).boxed().collect(Collectors.toSet());
        return new Expectation(true, outcome -> {
            Optional<RawSipResponse> last = outcome.finalResponse();
            if (last.isEmpty()) {
                return Optional.of("no final response, the RFC says " + allowed);
            }
            return allowed.contains(last.get().status()) ? Optional.empty()
                    : Optional.of("answered " + last.get().status() + ", the RFC says " + allowed);
        });
    }

    /** A request the RFC would have answered with these, or that may go unanswered ("must not break"). */
    private static Expectation answeredWithOrDropped(int... statuses) {
        Function<Outcome, Optional<String>> answeredWith = answeredWith(statuses).check();
        return new Expectation(false,
                outcome -> outcome.finalResponse().isEmpty() ? Optional.empty() : answeredWith.apply(outcome));
    }

    /** A response sent to the server: nothing comes back. */
    private static Expectation absorbed() {
        return new Expectation(false, outcome -> outcome.responses().isEmpty() ? Optional.empty()
                : Optional.of("a response sent to the server was answered"));
    }

    /** A framing error on a stream: rejected with a 4xx or the connection closed, never accepted. */
    private static Expectation rejectedOrClosed() {
        return new Expectation(false, outcome -> {
            Optional<RawSipResponse> last = outcome.finalResponse();
            if (last.isPresent() && (last.get().status() < 400 || last.get().status() >= 500)) {
                return Optional.of("a message with a framing error was answered " + last.get().status());
            }
            if (last.isEmpty() && !outcome.closedByServer()) {
                return Optional.of("neither answered with an error nor was the connection closed");
            }
            return Optional.empty();
        });
    }

    /** The REGISTER of the datagram is answered, and the octets after it, which look like an INVITE, are not. */
    private static Expectation onlyTheRegisterIsAnswered() {
        return new Expectation(true, outcome -> {
            if (outcome.responses().stream().anyMatch(r -> r.cseq().endsWith("INVITE"))) {
                return Optional.of("the trailing octets were handled as an INVITE");
            }
            return answered().check().apply(outcome);
        });
    }

    /** 420 Bad Extension, with the unknown option tags of Require in Unsupported (RFC 3261 8.2.2.3). */
    private static Expectation badExtension(String... optionTags) {
        return new Expectation(true, outcome -> answeredWith(420).check().apply(outcome).or(() -> {
            String unsupported = outcome.finalResponse().flatMap(r -> r.header("Unsupported", null)).orElse("");
            return Arrays.stream(optionTags).allMatch(unsupported::contains) ? Optional.empty()
                    : Optional.of("420 without Unsupported: " + String.join(", ", optionTags));
        }));
    }

    /** 401 with a new challenge in a scheme the registrar understands. */
    private static Expectation newChallenge() {
        return new Expectation(true, outcome -> answeredWith(401).check().apply(outcome)
                .or(() -> outcome.finalResponse().flatMap(r -> r.header("WWW-Authenticate", null)).isPresent()
                        ? Optional.empty() : Optional.of("401 without a WWW-Authenticate challenge")));
    }

    // ---- the messages

    private static boolean isRequest(byte[] message) {
        return !new String(message, 0, Math.min(8, message.length), StandardCharsets.ISO_8859_1)
                .startsWith("SIP/2.0 ");
    }

    /** Prints a figure and keeps it in target/hostile-sip-reports.txt for the build's reader. */
    static void report(String text) {
        System.out.println(text);
        File file = new File(new File(System.getProperty("switchboard.sipp.logs")).getParentFile(),
                "hostile-sip-reports.txt");
        try {
            Files.writeString(file.toPath(), text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(could not write " + file + ": " + e + ")");
        }
    }
}
