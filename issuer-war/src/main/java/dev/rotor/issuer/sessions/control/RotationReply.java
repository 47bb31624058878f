package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.RotationResult;

import java.time.Instant;
import java.util.List;

/**
 * Reads the reply of {@link SessionScripts#ROTATE}, whose layout is positional:
 * <ul>
 *   <li>{@code {"invalid"}}</li>
 *   <li>{@code {"reused", rid, subject}}</li>
 *   <li>{@code {"rotated", rid, subject, clientId, createdAt (epoch ms), groups (JSON array), scope}}</li>
 * </ul>
 */
final class RotationReply {

    private static final int KIND = 0;
    private static final int RID = 1;
    private static final int SUBJECT = 2;
    private static final int CLIENT_ID = 3;
    private static final int CREATED_AT = 4;
    private static final int GROUPS = 5;
    private static final int SCOPE = 6;

    private RotationReply() {
    }

    private static java.util.Set<String> scopes(List<String> reply) {
        String scope = reply.size() > SCOPE ? reply.get(SCOPE) : "";
        return scope.isEmpty() ? java.util.Set.of() : java.util.Set.of(scope.split(" "));
    }

    /**
     * @param newRefreshToken the token whose hash the script stored as current
     * @param lifetimes       for the new token's expiry
     */
    static RotationResult decode(List<String> reply, String newRefreshToken, SessionLifetimes lifetimes, Instant now) {
        return switch (reply.get(KIND)) {
            case "rotated" -> new RotationResult.Rotated(reply.get(RID), reply.get(SUBJECT), reply.get(CLIENT_ID),
                    SessionGroups.read(reply.get(GROUPS)), newRefreshToken,
                    lifetimes.expiry(Instant.ofEpochMilli(Long.parseLong(reply.get(CREATED_AT))), now),
                    scopes(reply));
            case "reused" -> new RotationResult.Reused(reply.get(RID), reply.get(SUBJECT));
            default -> RotationResult.INVALID;
        };
    }
}
