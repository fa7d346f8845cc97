package org.switchboard.store.internal;

import java.lang.annotation.Annotation;

/** Configurations as Config Admin would hand them to {@link SwitchboardDatabase#activate}. */
final class TestConfigs {

    private TestConfigs() {
    }

    static SwitchboardDatabaseConfig config(String derbyHome, String databaseName) {
        return new SwitchboardDatabaseConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SwitchboardDatabaseConfig.class;
            }

            @Override
            public String derby_home() {
                return derbyHome;
            }

            @Override
            public String database_name() {
                return databaseName;
            }
        };
    }
}
