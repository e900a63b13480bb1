-- Expired sessions and login tokens are deleted, anyone's, each time a new one is made (accounts/Accounts,
-- accounts/LoginLinks.issue); these indexes keep that a short range scan however many rows are live.
CREATE INDEX sessions_expires_idx ON sessions (expires);
CREATE INDEX login_tokens_expires_idx ON login_tokens (expires);
