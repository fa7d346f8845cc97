package org.switchboard.api.store;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.call.StoreException;

/**
 * Brings another bundle's tables in the Switchboard database up to date: the store runs that bundle's own
 * Liquibase changelog (its own file path and change-set ids, so that the histories stay apart), as it runs its
 * own at start. Idempotent; safe to call at every activation.
 */
@ProviderType
public interface SchemaMigrations {

    /**
     * Applies the change sets of {@code changelog} not applied yet, in one go.
     *
     * @param changelog path of the changelog inside the calling bundle, e.g. {@code db/changelog/my-tables.xml}
     * @param resources the class loader that reads it (the calling bundle's)
     * @throws StoreException when the database refuses a change set; nothing of that change set is applied
     */
    void migrate(String changelog, ClassLoader resources);
}
