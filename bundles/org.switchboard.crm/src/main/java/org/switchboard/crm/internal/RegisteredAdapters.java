package org.switchboard.crm.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.switchboard.crm.api.CrmAdapter;

/** The CRM adapters registered now, by name. Thread-safe. */
final class RegisteredAdapters {

    private record Named(String name, CrmAdapter adapter) {
    }

    private final List<Named> adapters = new CopyOnWriteArrayList<>();

    void add(CrmAdapter adapter, Map<String, ?> properties) {
        adapters.add(0, new Named(nameOf(properties), adapter));
    }

    void remove(CrmAdapter adapter) {
        adapters.removeIf(named -> named.adapter() == adapter);
    }

    /** The adapter of that name; the one registered last when there are several. */
    Optional<CrmAdapter> named(String name) {
        return adapters.stream().filter(named -> named.name().equals(name)).map(Named::adapter).findFirst();
    }

    List<String> names() {
        return adapters.stream().map(Named::name).distinct().sorted().toList();
    }

    private static String nameOf(Map<String, ?> properties) {
        Object name = properties.get(CrmAdapter.NAME_PROPERTY);
        return name == null ? "" : name.toString();
    }
}
