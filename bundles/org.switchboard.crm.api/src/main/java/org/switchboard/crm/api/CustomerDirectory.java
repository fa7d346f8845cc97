package org.switchboard.crm.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's view of the CRM in use, for the shell and the console: looks callers up within the server's
 * budget and cache, and switches between the registered adapters. Provided by the server, not by adapters.
 */
@ProviderType
public interface CustomerDirectory {

    /** The name of the adapter configured for use, whether or not it is registered now. */
    String adapterName();

    /** The names of the adapters registered now, sorted. */
    List<String> adapterNames();

    /** The adapter in use, when it is registered; for operations outside calls, which may wait on it. */
    Optional<CrmAdapter> adapter();

    /**
     * The card of the customer calling from {@code phone}, within the lookup budget and through the cache; empty
     * when the caller is unknown, no adapter is in use, or it failed or was late.
     */
    Optional<CustomerCard> lookup(String phone);

    /**
     * Uses the adapter named {@code name} from the next lookup on (written to the configuration, so it survives a
     * restart); calls in progress are not affected.
     *
     * @throws IllegalArgumentException when the name is blank
     * @throws IllegalStateException    when the configuration cannot be written
     */
    void useAdapter(String name);
}
