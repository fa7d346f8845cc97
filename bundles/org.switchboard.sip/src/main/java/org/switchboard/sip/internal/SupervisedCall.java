package org.switchboard.sip.internal;

import java.util.List;

import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/** A call between a customer and an agent that supervisors can join: a caller's call, or an agent's call out. */
interface SupervisedCall {

    /**
     * A supervisor joins from the phone at {@code contact}, or, already in the call, changes mode.
     *
     * @throws CallControlException when the call is not connected to its agent now, or the extension is its agent
     */
    void supervise(String extension, String contact, SupervisionMode mode) throws CallControlException;

    /** @throws CallControlException when that phone does not take part in the call */
    void endSupervision(String extension) throws CallControlException;

    List<Supervision> supervisions();
}
