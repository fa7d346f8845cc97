package org.switchboard.web.internal.auth;

import java.util.Optional;

/** Checks a user name and password; may block briefly (reads the user store). Never logs the password. */
public interface Authenticator {

    /**
     * The user, when the password is right and the user has at least one console role; empty otherwise (the same
     * answer for an unknown user, a wrong password and a user without a console role).
     */
    Optional<WebUser> authenticate(String username, char[] password);
}
