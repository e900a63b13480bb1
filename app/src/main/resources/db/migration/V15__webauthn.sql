-- WebAuthn security keys and passkeys as a second factor (docs/web.md, "Accounts and sessions"). New tables only,
-- so the release before it runs on this schema during a rolling deploy.

-- A user's registered credentials: the authenticator's credential id, its public key (a COSE_Key, CBOR), and the
-- last signature counter seen, which must not go backwards (a cloned key shows itself that way).
CREATE TABLE webauthn_credentials (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id  bytea       NOT NULL UNIQUE,
    public_key     bytea       NOT NULL,
    sign_count     bigint      NOT NULL DEFAULT 0,
    name           text        NOT NULL,
    created        timestamptz NOT NULL DEFAULT now(),
    last_used      timestamptz
);
CREATE INDEX webauthn_credentials_user_idx ON webauthn_credentials (user_id);

-- The random challenges handed to the browser for a registration or a login's second step: each is taken once
-- (deleted when a response comes back) and only for a few minutes.
CREATE TABLE webauthn_challenges (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('register', 'login')),
    challenge   bytea       NOT NULL UNIQUE,
    expires     timestamptz NOT NULL
);
CREATE INDEX webauthn_challenges_user_idx ON webauthn_challenges (user_id);
