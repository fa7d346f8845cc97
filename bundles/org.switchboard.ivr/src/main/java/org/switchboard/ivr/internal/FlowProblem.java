package org.switchboard.ivr.internal;

/** What is wrong at one line of a flow file. */
record FlowProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
