-- Vigil's core tables. Forward-only: a later release adds columns and backfills before it drops anything,
-- so that the previous version keeps working during a rolling deploy.
--
-- Growth path: every large table carries check_id or project_id, pings are keyed by (check_id, n) with a
-- per-check serial, and the ping table has no foreign key cascading across checks, so the schema can be
-- distributed by check_id later without a rewrite.

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text        NOT NULL,
    password_hash   text,                     -- null until a password is set (login by link only)
    created         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_lower CHECK (email = lower(email))
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE projects (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL,
    owner_id        bigint      NOT NULL REFERENCES users (id),
    ping_key        text        UNIQUE,      -- for /ping/<ping_key>/<slug> URLs
    badge_key       text        NOT NULL UNIQUE,
    check_limit     integer     NOT NULL DEFAULT 500,
    created         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_owner_idx ON projects (owner_id);

CREATE TABLE project_members (
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text        NOT NULL CHECK (role IN ('owner', 'rw', 'ro')),
    PRIMARY KEY (project_id, user_id)
);

-- API keys are stored as SHA-256 hashes of the key; the key itself is shown once, at creation.
CREATE TABLE api_keys (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    key_hash        bytea       NOT NULL UNIQUE,
    read_only       boolean     NOT NULL,
    label           text        NOT NULL DEFAULT '',
    created         timestamptz NOT NULL DEFAULT now(),
    last_used       timestamptz
);
CREATE INDEX api_keys_project_idx ON api_keys (project_id);

CREATE TABLE checks (
    id              uuid        PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name            text        NOT NULL DEFAULT '',
    slug            text        NOT NULL DEFAULT '',
    tags            text        NOT NULL DEFAULT '',
    description     text        NOT NULL DEFAULT '',
    kind            text        NOT NULL DEFAULT 'simple' CHECK (kind IN ('simple', 'cron')),
    timeout_s       integer     NOT NULL DEFAULT 86400,   -- period of a simple schedule
    grace_s         integer     NOT NULL DEFAULT 3600,
    schedule        text        NOT NULL DEFAULT '* * * * *',
    tz              text        NOT NULL DEFAULT 'UTC',
    manual_resume   boolean     NOT NULL DEFAULT false,
    methods         text        NOT NULL DEFAULT '',      -- '' = any method counts, 'POST' = only POST
    status          text        NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'up', 'grace', 'down', 'paused')),
    last_start      timestamptz,
    last_start_rid  uuid,
    last_ping       timestamptz,
    last_duration_ms bigint,
    n_pings         bigint      NOT NULL DEFAULT 0,       -- serial of the last ping
    alert_after     timestamptz,                          -- when the alert sender must look at this check
    created         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checks_project_idx ON checks (project_id);
CREATE INDEX checks_project_slug_idx ON checks (project_id, slug);
CREATE INDEX checks_alert_after_idx ON checks (alert_after) WHERE alert_after IS NOT NULL AND status IN ('up', 'grace');

CREATE TABLE pings (
    check_id        uuid        NOT NULL,                 -- no foreign key: see the growth path above
    n               bigint      NOT NULL,
    created         timestamptz NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('success', 'start', 'fail', 'log', 'ign')),
    scheme          text        NOT NULL,
    remote_addr     text,
    method          text        NOT NULL,
    user_agent      text,
    exit_status     smallint,
    rid             uuid,
    body            bytea,
    body_size       integer     NOT NULL DEFAULT 0,       -- bytes received, before any truncation
    object_key      text,                                 -- set when the body lives in object storage
    duration_ms     bigint,
    PRIMARY KEY (check_id, n)
);

CREATE TABLE flips (
    check_id        uuid        NOT NULL,
    created         timestamptz NOT NULL,
    old_status      text        NOT NULL,
    new_status      text        NOT NULL,
    processed       timestamptz,                          -- notifications handed to the channels
    PRIMARY KEY (check_id, created)
);
CREATE INDEX flips_unprocessed_idx ON flips (created) WHERE processed IS NULL;

CREATE TABLE channels (
    id              uuid        PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind            text        NOT NULL,
    name            text        NOT NULL DEFAULT '',
    settings        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    disabled        boolean     NOT NULL DEFAULT false,
    created         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channels_project_idx ON channels (project_id);

CREATE TABLE check_channels (
    check_id        uuid        NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    channel_id      uuid        NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    PRIMARY KEY (check_id, channel_id)
);
CREATE INDEX check_channels_channel_idx ON check_channels (channel_id);
