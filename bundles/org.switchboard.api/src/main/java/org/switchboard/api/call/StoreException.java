package org.switchboard.api.call;

/** Storage failed; the operation that threw wrote nothing. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
