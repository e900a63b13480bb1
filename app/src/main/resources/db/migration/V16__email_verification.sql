-- Email verification (docs/web.md, "Accounts and sessions"): a sign-up and an email change wait for a single-use
-- link sent to the address, and both are login_tokens rows like the login links. A pending sign-up has no user yet:
-- it keeps the address and the chosen password's PBKDF2 hash (never the password). A pending email change keeps the
-- new address. The release before it names its own purposes in every query and inserts rows that pass the new
-- checks, so it runs on this schema during a rolling deploy.
ALTER TABLE login_tokens
    ALTER COLUMN user_id DROP NOT NULL,
    ADD COLUMN email         text,
    ADD COLUMN password_hash text,
    DROP CONSTRAINT login_tokens_purpose_check,
    ADD CONSTRAINT login_tokens_purpose_check
        CHECK (purpose IN ('login', 'reset', 'second', 'signup', 'email')),
    ADD CONSTRAINT login_tokens_pending_shape CHECK (CASE purpose
        WHEN 'signup' THEN user_id IS NULL AND email IS NOT NULL AND password_hash IS NOT NULL
        WHEN 'email' THEN user_id IS NOT NULL AND email IS NOT NULL AND password_hash IS NULL
        ELSE user_id IS NOT NULL AND email IS NULL AND password_hash IS NULL END);

-- One pending sign-up per address and one pending email change per user: a new request replaces the old one.
CREATE UNIQUE INDEX login_tokens_signup_email_idx ON login_tokens (email) WHERE purpose = 'signup';
CREATE UNIQUE INDEX login_tokens_email_change_idx ON login_tokens (user_id) WHERE purpose = 'email';
