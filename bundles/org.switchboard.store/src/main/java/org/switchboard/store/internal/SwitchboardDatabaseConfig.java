package org.switchboard.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Switchboard database",
        description = "Where the embedded Derby database of Switchboard lives")
public @interface SwitchboardDatabaseConfig {

    @AttributeDefinition(name = "Derby home",
            description = "Directory holding the database; empty means ${karaf.data}/derby")
    String derby_home() default "";

    @AttributeDefinition(name = "Database name", description = "Name of the database directory inside Derby home")
    String database_name() default "switchboard";
}
