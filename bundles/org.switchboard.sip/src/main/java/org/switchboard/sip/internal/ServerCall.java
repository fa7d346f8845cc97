package org.switchboard.sip.internal;

import java.util.Set;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.switchboard.api.sip.CallControlException;

/**
 * A call the back-to-back user agent carries, as the {@link CallBridge} routes SIP to it: a caller's call to a
 * service number ({@link BridgedCall}) or an agent's call out ({@link OutboundCall}). Its legs are known by their
 * SIP Call-IDs; the INVITEs it sent by their client transactions.
 */
interface ServerCall {

    /** The server's id of the call (the distributor's). */
    String id();

    /** The SIP Call-IDs the bridge finds this call by. */
    Set<String> trackedSipCallIds();

    /** The bridge finds this call by one more SIP Call-ID (a leg it opened). */
    void trackedAs(String sipCallId);

    /** Whether the transaction is an INVITE this call sent (to an agent's phone or an outside number). */
    boolean isOwnInvite(ClientTransaction transaction);

    void provisional(ClientTransaction transaction, Response response);

    void answered(ClientTransaction transaction, Response response, Dialog dialog);

    void failed(ClientTransaction transaction, int status, String reason);

    /** A BYE arrived on the leg with this SIP Call-ID (already answered 200). */
    void bye(String sipCallId);

    /** A re-INVITE arrived on the leg with this SIP Call-ID; to be answered on {@code transaction}. */
    void reinvite(String sipCallId, ServerTransaction transaction);

    /** An ACK arrived on the leg with this SIP Call-ID. */
    void ack(String sipCallId, Request ack);

    /** The caller cancelled the INVITE that started the call. */
    void cancel();

    /** The call's own server transaction failed (timed out), or the edge stops. */
    void serverLegFailed(String reason);

    /** The desktop ends the call. */
    void hangUpFromDesk() throws CallControlException;
}
