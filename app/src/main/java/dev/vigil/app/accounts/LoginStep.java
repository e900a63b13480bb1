package dev.vigil.app.accounts;

/** Where a proved first factor leads: a session, or the second-factor form (its single-use token). */
public sealed interface LoginStep {

    record Done(NewSession session) implements LoginStep {
    }

    /** The second step's form carries {@code token}; it is good for {@link SecondFactor#STEP_LIFETIME}. */
    record NeedsCode(String token) implements LoginStep {
    }
}
