package org.switchboard.api.acd;

/** A request to the distributor that cannot be carried out, with a message for the person who made it. */
public class AcdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AcdException(String message) {
        super(message);
    }
}
