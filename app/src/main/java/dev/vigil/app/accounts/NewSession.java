package dev.vigil.app.accounts;

import java.util.UUID;

/** A session just made: the token for the cookie (kept only hashed) and the project to go to. */
public record NewSession(String token, SignedIn user, UUID project) {
}
