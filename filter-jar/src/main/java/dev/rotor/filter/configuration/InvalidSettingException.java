package dev.rotor.filter.configuration;

/** A configuration value that stops the deployment. The message names the setting and its environment variable. */
public final class InvalidSettingException extends RuntimeException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("Invalid setting " + key + " (environment variable " + Settings.environmentName(key) + "): " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
