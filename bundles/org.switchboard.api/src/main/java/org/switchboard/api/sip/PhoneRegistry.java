package org.switchboard.api.sip;

import java.util.List;
import java.util.Optional;

/** The registrar's current bindings. Thread-safe, non-blocking. */
public interface PhoneRegistry {

    /** The phone's registration, if it is registered and not expired. */
    Optional<PhoneRegistration> find(String user);

    /** All unexpired registrations. */
    List<PhoneRegistration> all();
}
