package org.switchboard.api.sip;

/** A call-control request that cannot be carried out; the message says why, in words for the agent. */
public class CallControlException extends Exception {
    private static final long serialVersionUID = 1L;

    public CallControlException(String message) {
        super(message);
    }
}
