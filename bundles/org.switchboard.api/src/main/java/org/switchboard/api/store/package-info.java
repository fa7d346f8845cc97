/**
 * Care of the database itself: online backups.
 */
@Version("1.1.0")
package org.switchboard.api.store;

import org.osgi.annotation.versioning.Version;
