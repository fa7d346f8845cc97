package org.switchboard.sip.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.ivr.CallFlows;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;

/**
 * The back-to-back user agent: takes INVITEs to service numbers, hands them to the distributor, and relays
 * what happens on one leg of a call to the other (provisional and final responses, BYE); re-INVITEs are answered
 * by the server, which anchors the media.
 */
final class CallBridge {
    private static final Logger LOG = LoggerFactory.getLogger(CallBridge.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipEndpoint sip;
    private final SipReplies replies;
    private final Supplier<CallDistributor> distributor;
    private final Supplier<MediaServer> media;
    private final Supplier<CallFlows> flows;
    private final Supplier<Optional<OutboundTrunk>> trunk;
    private final ScheduledExecutorService timers;
    private final CallAdmission admission;
    private final IntSupplier retryAfterSeconds;
    private final LogThrottle logThrottle;
    private final Clock clock;
    /** Calls by the SIP Call-ID of either leg. */
    private final Map<String, ServerCall> calls = new ConcurrentHashMap<>();
    /** Calls by the server's id (the distributor's), for call control. */
    private final Map<String, ServerCall> byId = new ConcurrentHashMap<>();

    CallBridge(SipEndpoint sip, SipReplies replies, Supplier<CallDistributor> distributor,
            Supplier<MediaServer> media, Supplier<CallFlows> flows, Supplier<Optional<OutboundTrunk>> trunk,
            ScheduledExecutorService timers, CallAdmission admission, IntSupplier retryAfterSeconds,
            LogThrottle logThrottle, Clock clock) {
        this.sip = sip;
        this.replies = replies;
        this.distributor = distributor;
        this.media = media;
        this.flows = flows;
        this.trunk = trunk;
        this.timers = timers;
        this.admission = admission;
        this.retryAfterSeconds = retryAfterSeconds;
        this.logThrottle = logThrottle;
        this.clock = clock;
    }

    Optional<CallDistributor> distributor() {
        return Optional.ofNullable(distributor.get());
    }

    /** Calls started and not yet ended: an O(1) counter, kept by {@link CallAdmission}. */
    int callsInProgress() {
        return admission.activeCalls();
    }

    // ---- requests

    /** Whether the INVITE starts a call (no To tag) rather than being a re-INVITE inside one. */
    static boolean startsCall(Request invite) {
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        return to == null || to.getTag() == null;
    }

    void invite(RequestEvent event) {
        Request request = event.getRequest();
        if (!startsCall(request)) {
            reinvite(event);
            return;
        }
        CallAdmission.Verdict verdict = admission.tryAdmit();
        if (verdict != CallAdmission.Verdict.ADMITTED) {
            refuseOverload(event, verdict);
            return;
        }
        boolean started = false;
        try {
            started = startCall(event, request);
        } finally {
            if (!started) {
                admission.ended();
            }
        }
    }

    /** Over the limits: 503 with Retry-After, without keeping any state for the INVITE. */
    private void refuseOverload(RequestEvent event, CallAdmission.Verdict verdict) {
        long suppressed = logThrottle.permit(verdict.name());
        if (suppressed != LogThrottle.SUPPRESSED) {
            LOG.warn("INVITE from {} refused with 503: {} ({} calls in progress){}", SipReplies.source(event),
                    verdict == CallAdmission.Verdict.TOO_MANY_CALLS ? "maxConcurrentCalls reached"
                            : "maxCallsPerSecond reached",
                    admission.activeCalls(), logThrottle.leftOut(suppressed));
        }
        replies.refuse(event, Response.SERVICE_UNAVAILABLE, retryAfterSeconds.getAsInt());
    }

    /**
     * Takes an admitted INVITE: to a call flow's number, the flow answers and drives it; to a queue's number, it
     * waits in the queue. True when it became a call, which then gives its admission back when it ends.
     */
    private boolean startCall(RequestEvent event, Request request) {
        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return false;
        }
        ServerTransaction st = transaction.get();
        replies.send(st, Response.TRYING);
        Optional<String> dnis = SipReplies.userOf(request.getRequestURI());
        if (dnis.isEmpty()) {
            replies.send(st, Response.NOT_FOUND);
            return false;
        }
        MediaServer mediaServer = media.get();
        if (mediaServer == null) {
            return refuseUnavailable(st, "INVITE to " + dnis.get() + " refused: the media server is not running");
        }
        Optional<String> flow = Optional.ofNullable(flows.get()).flatMap(f -> f.flowForNumber(dnis.get()));
        CallDistributor acd = distributor.get();
        Optional<String> queue = Optional.empty();
        if (flow.isEmpty()) {
            if (acd == null) {
                return refuseUnavailable(st, "INVITE to " + dnis.get() + " refused: the distributor is not running");
            }
            queue = acd.queueForNumber(dnis.get());
            if (queue.isEmpty()) {
                LOG.info("INVITE to unknown number {} from {}", dnis.get(), SipReplies.source(event));
                replies.send(st, Response.NOT_FOUND);
                return false;
            }
        }
        String ani = SipReplies.userOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI())
                .orElse("anonymous");
        String id = newCallId();
        Optional<String> offer = SipReplies.sdpOf(request);
        MediaLeg callerMedia;
        try {
            callerMedia = offer.isPresent() ? mediaServer.answer(id, "caller", offer.get())
                    : mediaServer.offer(id, "caller");
        } catch (MediaException e) {
            LOG.info("INVITE to {} from {} refused with {}: {}", dnis.get(), SipReplies.source(event),
                    e.sipStatus(), e.getMessage());
            replies.send(st, e.sipStatus());
            return false;
        }
        BridgedCall call = new BridgedCall(id, ani, dnis.get(), this, sip, replies, mediaServer, st, callerMedia,
                offer.isEmpty(), flow.isPresent() ? BridgedCall.Phase.FLOW : BridgedCall.Phase.WAITING);
        track(call.callerSipCallId(), call);
        byId.put(id, call);
        if (flow.isPresent()) {
            LOG.info("call {} from {} to {} runs call flow {}", call.id(), ani, dnis.get(), flow.get());
            runFlow(flow.get(), call);
            return true;
        }
        LOG.info("call {} from {} to {} queued in {}", call.id(), ani, dnis.get(), queue.get());
        try {
            acd.enqueue(new InboundCall(call.id(), ani, dnis.get(), queue.get(), clock.instant()), call);
        } catch (RuntimeException e) {
            // the call exists now: end it through its own path, which also gives its admission back
            LOG.error("call {}: the distributor did not take it", call.id(), e);
            call.release(Response.SERVER_INTERNAL_ERROR, "Not queued");
        }
        return true;
    }

    private boolean refuseUnavailable(ServerTransaction st, String why) {
        LOG.warn(why);
        Response busy = replies.response(Response.SERVICE_UNAVAILABLE, st.getRequest());
        try {
            busy.setHeader(sip.headers.createRetryAfterHeader(retryAfterSeconds.getAsInt()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("a positive number of seconds is valid", e);
        }
        replies.send(st, busy);
        return false;
    }

    private void runFlow(String flowName, BridgedCall call) {
        CallFlows callFlows = flows.get();
        try {
            if (callFlows == null) {
                throw new IllegalStateException("the call flows are not running");
            }
            callFlows.run(flowName, new CallFlowLeg(call, this, clock));
        } catch (RuntimeException e) {
            LOG.error("call {}: call flow {} could not start: {}", call.id(), flowName, e.getMessage());
            call.rejectCaller(Response.SERVICE_UNAVAILABLE, "Call flow unavailable");
        }
    }

    /**
     * The agent hung up: when the call's queue has a survey flow, the caller stays and answers it. False when
     * there is none (or it cannot run), and the caller is to be hung up.
     */
    boolean startSurvey(BridgedCall call) {
        CallFlows callFlows = flows.get();
        Optional<String> survey = distributor().flatMap(acd -> acd.surveyFlow(call.id()));
        if (survey.isEmpty() || callFlows == null || !callFlows.flowNames().contains(survey.get())) {
            survey.ifPresent(name -> LOG.warn("call {}: survey flow {} is not loaded; hanging up", call.id(), name));
            return false;
        }
        LOG.info("call {}: the caller answers survey flow {}", call.id(), survey.get());
        call.callerMedia().unbridge();
        call.surveyStarts();
        runFlow(survey.get(), call);
        return true;
    }

    /** CANCEL from the caller: 200 for the CANCEL, then the call ends as abandoned. */
    void cancel(RequestEvent event) {
        withCall(event, (st, call) -> {
            replies.send(st, Response.OK);
            call.cancel();
        });
    }

    /** BYE from either leg: 200, then relayed to the other leg. */
    void bye(RequestEvent event) {
        withCall(event, (st, call) -> {
            replies.send(st, Response.OK);
            call.bye(sipCallId(event.getRequest()));
        });
    }

    /**
     * Hands the request's transaction and call to {@code action}; a request for no known call gets 481, without
     * any state kept for it (a flood of them costs no memory).
     */
    private void withCall(RequestEvent event, BiConsumer<ServerTransaction, ServerCall> action) {
        ServerCall call = calls.get(sipCallId(event.getRequest()));
        if (call == null) {
            replies.refuse(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, 0);
            return;
        }
        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return;
        }
        action.accept(transaction.get(), call);
    }

    private void reinvite(RequestEvent event) {
        withCall(event, (st, call) -> call.reinvite(sipCallId(event.getRequest()), st));
    }

    /** An ACK inside a call: the caller's may carry the answer to our late offer. */
    void ack(RequestEvent event) {
        ServerCall call = calls.get(sipCallId(event.getRequest()));
        if (call != null) {
            call.ack(sipCallId(event.getRequest()), event.getRequest());
        }
    }

    // ---- responses and timeouts

    void response(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction ct = event.getClientTransaction();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (ct == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        ServerCall call = calls.get(sipCallId(response));
        int status = response.getStatusCode();
        if (call == null) {
            if (status >= 200 && status < 300) {
                hangUpOrphan(event);
            }
            return;
        }
        if (!call.isOwnInvite(ct)) {
            return;
        }
        if (status < 200) {
            call.provisional(ct, response);
        } else if (status < 300) {
            call.answered(ct, response, event.getDialog() != null ? event.getDialog() : ct.getDialog());
        } else {
            call.failed(ct, status, response.getReasonPhrase());
        }
    }

    void timeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            ServerTransaction st = event.getServerTransaction();
            ServerCall call = calls.get(sipCallId(st.getRequest()));
            if (call != null && Request.INVITE.equals(st.getRequest().getMethod())) {
                call.serverLegFailed("caller's leg timed out");
            }
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        ServerCall call = calls.get(sipCallId(ct.getRequest()));
        if (call != null && call.isOwnInvite(ct)) {
            call.failed(ct, Response.REQUEST_TIMEOUT, "no response from the phone");
        }
    }

    /** An agent answered a call that no longer exists (the caller left at the same moment): end it politely. */
    private void hangUpOrphan(ResponseEvent event) {
        Dialog dialog = event.getDialog() != null ? event.getDialog() : event.getClientTransaction().getDialog();
        if (dialog == null) {
            return;
        }
        try {
            long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
            dialog.sendRequest(sip.provider().getNewClientTransaction(dialog.createRequest(Request.BYE)));
        } catch (InvalidArgumentException | SipException e) {
            LOG.warn("could not hang up an answer to an ended call: {}", e.getMessage());
        }
    }

    // ---- bookkeeping for the calls

    void track(String sipCallId, ServerCall call) {
        calls.put(sipCallId, call);
        call.trackedAs(sipCallId);
    }

    /** The call ended (called once per call): drops its Call-IDs and gives its admission back. */
    void forget(ServerCall call) {
        for (String sipCallId : call.trackedSipCallIds()) {
            calls.remove(sipCallId, call);
        }
        byId.remove(call.id(), call);
        admission.ended();
    }

    /** A leg that is not a call of its own (a supervisor's phone) ended: the bridge forgets its Call-IDs. */
    void untrack(ServerCall leg) {
        for (String sipCallId : leg.trackedSipCallIds()) {
            calls.remove(sipCallId, leg);
        }
    }

    /** A new client transaction for a request the server sends. */
    ClientTransaction newClientTransaction(Request request) throws SipException {
        return sip.provider().getNewClientTransaction(request);
    }

    /** The supervisions of the calls in progress. */
    List<Supervision> supervisions() {
        return byId.values().stream().filter(SupervisedCall.class::isInstance)
                .flatMap(call -> ((SupervisedCall) call).supervisions().stream()).toList();
    }

    /** The call took a new id (a transfer to a queue starts a new record). */
    void renamed(BridgedCall call, String previousId) {
        byId.remove(previousId, call);
        byId.put(call.id(), call);
    }

    /** The call in progress with this id. */
    ServerCall call(String callId) throws CallControlException {
        ServerCall call = byId.get(callId);
        if (call == null) {
            throw new CallControlException("no call " + callId + " is in progress");
        }
        return call;
    }

    /** A caller's call in progress (hold and transfer apply to those). */
    BridgedCall callerCall(String callId) throws CallControlException {
        if (call(callId) instanceof BridgedCall bridged) {
            return bridged;
        }
        throw new CallControlException("call " + callId + " is an agent's call out: only hang-up applies to it");
    }

    /** A call supervisors can join (a caller's call or an agent's call out). */
    SupervisedCall supervisedCall(String callId) throws CallControlException {
        if (call(callId) instanceof SupervisedCall supervised) {
            return supervised;
        }
        throw new CallControlException("call " + callId + " cannot be supervised");
    }

    /**
     * An agent dials out: the distributor records the call and rings the agent's phone first; the number is called
     * once the agent answers. Returns the new call's id.
     */
    String dialOut(String agentId, String number) throws CallControlException {
        CallDistributor acd = distributor.get();
        MediaServer mediaServer = media.get();
        if (acd == null || mediaServer == null) {
            throw new CallControlException("the " + (acd == null ? "distributor" : "media server")
                    + " is not running");
        }
        OutboundTrunk outbound = trunk.get().orElseThrow(() -> new CallControlException(
                "no outbound trunk is configured (outboundTrunk in etc/org.switchboard.sip.cfg)"));
        if (admission.tryAdmit() != CallAdmission.Verdict.ADMITTED) {
            throw new CallControlException("the server is at its limit of calls; try again shortly");
        }
        String id = newCallId();
        OutboundCall call = new OutboundCall(id, agentId, number, outbound.hostAndPort(),
                Duration.ofSeconds(outbound.ringSeconds()), this, new DialogActions(sip, replies), replies,
                mediaServer);
        byId.put(id, call);
        LOG.info("call {}: agent {} dials {}", id, agentId, number);
        try {
            acd.outboundStarted(new InboundCall(id, agentId, number, "outbound", clock.instant(), 0,
                    Map.of("outbound.agent", agentId)), call, agentId);
        } catch (RuntimeException e) {
            call.release(Response.SERVER_INTERNAL_ERROR, "Not recorded");
            throw new CallControlException("the distributor did not take the call: " + e.getMessage());
        }
        return id;
    }

    /** host:port of the outbound trunk, when one is configured. */
    Optional<String> outboundTrunk() {
        return trunk.get().map(OutboundTrunk::hostAndPort);
    }

    /** How long an outside number may ring. */
    Duration outboundRingTime() {
        return Duration.ofSeconds(trunk.get().map(OutboundTrunk::ringSeconds).orElse(30));
    }

    String newId() {
        return newCallId();
    }

    Clock clock() {
        return clock;
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return timers.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("SIP timer task failed", e);
            }
        }, delay, unit);
    }

    /** Ends every call (the SIP edge is stopping). */
    void releaseAll() {
        calls.values().stream().distinct().forEach(call -> call.serverLegFailed("SIP edge stopped"));
    }

    private static String sipCallId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String newCallId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
