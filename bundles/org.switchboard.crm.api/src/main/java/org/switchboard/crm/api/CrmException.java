package org.switchboard.crm.api;

/**
 * A CRM could not do what was asked: it is unreachable, refused the request, or does not know the record named.
 * An operation that throws it has changed nothing.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
