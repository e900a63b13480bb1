-- The web pages' login sessions (users and project_members exist since V1; all three are mapped with JPA in
-- accounts/). A browser's cookie holds a random token; only its SHA-256 hash is stored here.
CREATE TABLE sessions (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      bytea       NOT NULL UNIQUE,
    created         timestamptz NOT NULL DEFAULT now(),
    expires         timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
