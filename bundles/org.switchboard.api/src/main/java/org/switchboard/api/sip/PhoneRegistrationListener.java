package org.switchboard.api.sip;

/**
 * Whiteboard service told when a phone registers or unregisters. Called on SIP stack threads: return at once,
 * never throw.
 */
public interface PhoneRegistrationListener {

    void registered(PhoneRegistration registration);

    void unregistered(String user);
}
