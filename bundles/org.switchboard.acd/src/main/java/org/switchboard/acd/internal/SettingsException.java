package org.switchboard.acd.internal;

/** A configuration value that cannot be used: names the key and says why. */
public class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    public SettingsException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
