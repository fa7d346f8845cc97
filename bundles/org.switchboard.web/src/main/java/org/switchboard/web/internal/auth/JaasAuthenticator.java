package org.switchboard.web.internal.auth;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in through Karaf's JAAS realm "karaf" (etc/users.properties by default), the same users and roles as
 * the shell. The roles agent, supervisor and admin (directly or through a group) become console roles.
 */
@Component(service = Authenticator.class)
public class JaasAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    static final String REALM = "karaf";

    @Override
    public Optional<WebUser> authenticate(String username, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's proxy login module through the context class loader
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            LoginContext login = new LoginContext(REALM, subject, callbacks -> answer(callbacks, username, password));
            login.login();
        } catch (LoginException e) {
            LOG.info("console login refused for user '{}': {}", username, e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
            Role.fromJaasRole(principal.getName()).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            LOG.info("console login refused for user '{}': none of the roles agent, supervisor, admin", username);
            return Optional.empty();
        }
        return Optional.of(new WebUser(username, roles));
    }

    private static void answer(Callback[] callbacks, String username, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(username);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
