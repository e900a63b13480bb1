-- Project teams (web pages): the manager role, and invitations by email. The release before this one reads a
-- 'manager' member as an unknown role, so no one is made a manager before every server runs this release.
ALTER TABLE project_members DROP CONSTRAINT project_members_role_check;
ALTER TABLE project_members ADD CONSTRAINT project_members_role_check
    CHECK (role IN ('owner', 'manager', 'rw', 'ro'));

-- An invitation link carries a random token; only its SHA-256 hash is stored. Accepting one deletes it.
CREATE TABLE invitations (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    email           text        NOT NULL CHECK (email = lower(email)),
    role            text        NOT NULL CHECK (role IN ('owner', 'manager', 'rw', 'ro')),
    token_hash      bytea       NOT NULL UNIQUE,
    invited_by      bigint      REFERENCES users (id) ON DELETE SET NULL,
    created         timestamptz NOT NULL DEFAULT now(),
    expires         timestamptz NOT NULL
);
CREATE UNIQUE INDEX invitations_project_email_idx ON invitations (project_id, email);

-- The pages' lists show UUID or slug ping URLs, as the project chooses.
ALTER TABLE projects ADD COLUMN show_slugs boolean NOT NULL DEFAULT false;
