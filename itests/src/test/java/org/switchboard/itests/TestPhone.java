package org.switchboard.itests;

/** What a test reads from one of its phones: the µ-law audio it has received. */
interface TestPhone {

    /** The µ-law bytes received so far. */
    byte[] audio();

    /** How many µ-law bytes (samples) were received so far. */
    int received();
}
