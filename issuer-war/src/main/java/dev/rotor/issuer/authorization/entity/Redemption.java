package dev.rotor.issuer.authorization.entity;

/** The outcome of presenting an authorization code. */
public sealed interface Redemption {

    /** The code was unused and is now used: what it stands for. */
    record Redeemed(CodeBinding binding) implements Redemption {
    }

    /** The code had been redeemed before: whatever the first redemption issued ({@code rid}) must end. */
    record Replayed(String rid) implements Redemption {
    }

    /** Unknown, malformed or expired. */
    record Unknown() implements Redemption {
    }
}
