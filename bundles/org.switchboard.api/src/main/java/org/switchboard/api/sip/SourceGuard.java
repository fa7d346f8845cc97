package org.switchboard.api.sip;

import java.util.List;

/** What an operator sees of, and does with, the SIP edge's protection against abusive sources. */
public interface SourceGuard {

    /** Sources locked out now. */
    List<SourceLockout> lockouts();

    /** Lifts a lockout; false when the source was not locked out. */
    boolean clear(String source);
}
