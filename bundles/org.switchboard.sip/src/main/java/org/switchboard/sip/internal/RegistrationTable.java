package org.switchboard.sip.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.switchboard.api.sip.PhoneRegistration;

/** The registrar's bindings, one contact per phone (the latest REGISTER wins). Thread-safe. */
final class RegistrationTable {
    private final Clock clock;
    private final Map<String, PhoneRegistration> bindings = new ConcurrentHashMap<>();

    RegistrationTable(Clock clock) {
        this.clock = clock;
    }

    void bind(PhoneRegistration registration) {
        bindings.put(registration.user(), registration);
    }

    /** Removes the phone's binding; true when there was one. */
    boolean unbind(String user) {
        return bindings.remove(user) != null;
    }

    Optional<PhoneRegistration> find(String user) {
        PhoneRegistration registration = bindings.get(user);
        if (registration == null) {
            return Optional.empty();
        }
        if (!registration.isActiveAt(clock.instant())) {
            bindings.remove(user, registration);
            return Optional.empty();
        }
        return Optional.of(registration);
    }

    List<PhoneRegistration> all() {
        return bindings.keySet().stream().map(this::find).flatMap(Optional::stream).toList();
    }
}
