package org.switchboard.api.sip;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Third-party call control: what an agent's desktop (or a supervisor) asks the server to do to a call, which the
 * server carries out on the phones through SIP. Methods return once the request is sent (they do not wait for the
 * phones); they throw {@link CallControlException} when the request cannot be carried out at all (unknown call,
 * wrong state, unknown target).
 */
@ProviderType
public interface CallControl {

    /** Ends a call: BYE to every party still connected. The record says who asked ("agent" for the desktop). */
    void hangUp(String callId) throws CallControlException;

    /** Puts the caller on hold (the caller hears music on hold; the agent hears silence). */
    void hold(String callId) throws CallControlException;

    /** Takes the caller off hold: caller and agent hear each other again. */
    void resume(String callId) throws CallControlException;

    /**
     * Blind transfer of an answered call: the agent's leg is released, and the caller is offered to the target,
     * which is {@code agent:ID} (that agent's phone rings, whatever the queues), {@code queue:NAME} (the caller
     * waits in that queue with its variables and priority), or {@code number:DIGITS} (the server calls the
     * number through the outbound trunk and connects the caller to it).
     */
    void transfer(String callId, String target) throws CallControlException;

    /**
     * The agent dials out: the server rings the agent's own phone, and when the agent answers, calls the number
     * through the outbound trunk and connects the two. Returns the new call's id.
     */
    String dial(String agentId, String number) throws CallControlException;

    /**
     * A supervisor joins a call connected to an agent from the registered phone {@code extension}: the server rings
     * that phone, and once it answers, the supervisor takes part as {@code mode} says. Asked again for a phone
     * already in the call, only the mode changes (no new ringing). The supervision ends when the supervisor hangs
     * up, when {@link #endSupervision} is asked, or when the agent's part of the call ends (hang-up, transfer).
     *
     * @throws CallControlException when the call is not connected to an agent, or the extension has no registered
     *                              phone or is the call's own agent
     * @since 1.2
     */
    void supervise(String callId, String extension, SupervisionMode mode) throws CallControlException;

    /**
     * The supervisor's phone leaves the call (BYE, or CANCEL while it rings); the caller and the agent go on.
     *
     * @throws CallControlException when that phone does not take part in that call
     * @since 1.2
     */
    void endSupervision(String callId, String extension) throws CallControlException;

    /**
     * The supervisions of calls in progress, ringing or connected.
     *
     * @since 1.2
     */
    List<Supervision> supervisions();
}
