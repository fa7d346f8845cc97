/**
 * Care of the database itself (online backups, schema migrations) and what every bundle that keeps tables in it
 * shares: transactions and UTC timestamps.
 */
@Version("1.2.0")
package org.switchboard.api.store;

import org.osgi.annotation.versioning.Version;
