package dev.rotor.issuer.keys.control;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.configuration.IssuerConfig;

import java.time.Duration;

/**
 * How this instance's keys are made and kept.
 *
 * @param algorithm the signing algorithm of this instance's keys ({@code rotor.keys.algorithm})
 * @param rotation  how long one key signs before the next one takes over ({@code rotor.keys.rotation})
 * @param heartbeat how often this instance renews its published keys ({@code rotor.keys.heartbeat})
 */
public record KeySettings(JwsAlgorithm algorithm, Duration rotation, Duration heartbeat) {

    public static final String ALGORITHM = "rotor.keys.algorithm";
    public static final String ROTATION = "rotor.keys.rotation";
    public static final String HEARTBEAT = "rotor.keys.heartbeat";

    /** @throws InvalidSettingException naming the first bad key */
    public static KeySettings from(Settings settings, IssuerConfig core) {
        Duration rotation = settings.duration(ROTATION, Duration.ofHours(1));
        if (rotation.compareTo(core.accessTtl()) < 0) {
            throw new InvalidSettingException(ROTATION, "must be at least " + IssuerConfig.ACCESS_TTL + " ("
                    + core.accessTtl() + "), or every instance would publish more keys than tokens live");
        }
        return new KeySettings(settings.oneOf(ALGORITHM, JwsAlgorithm.class, JwsAlgorithm.RS256), rotation,
                settings.duration(HEARTBEAT, Duration.ofSeconds(30)));
    }
}
