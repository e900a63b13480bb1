-- Dependencies and maintenance windows (docs/alerts.md, "Held alerts"). A down flip whose check has a dependency
-- down, or a maintenance window open, is processed like any other, but instead of notifications it leaves one row in
-- held_alerts, in the same transaction. A sender later claims the row (FOR UPDATE SKIP LOCKED) and, in one
-- transaction, deletes it and creates the notifications if the check is still down and nothing holds it any more;
-- notifications_once_idx keeps that to one per channel whichever sender does it.

CREATE TABLE check_dependencies (
    check_id        uuid        NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    depends_on      uuid        NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    PRIMARY KEY (check_id, depends_on),
    CHECK (check_id <> depends_on)                        -- longer cycles are refused by the API (DependencyCycles)
);
CREATE INDEX check_dependencies_depends_on_idx ON check_dependencies (depends_on);

CREATE TABLE maintenance_windows (
    id              uuid        PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    scope           text        NOT NULL CHECK (scope IN ('check', 'tag', 'project')),
    check_id        uuid        REFERENCES checks (id) ON DELETE CASCADE,   -- scope 'check'
    tag             text        NOT NULL DEFAULT '',                         -- scope 'tag'
    starts          timestamptz,                                             -- a one-off window
    ends            timestamptz,
    schedule        text,                                                    -- a recurring window: cron/OnCalendar
    tz              text,
    duration_s      integer,
    reason          text        NOT NULL,
    created         timestamptz NOT NULL DEFAULT now(),
    CHECK ((scope = 'check') = (check_id IS NOT NULL)),
    CHECK ((scope = 'tag') = (tag <> '')),
    CHECK ((schedule IS NULL AND starts IS NOT NULL AND ends > starts AND tz IS NULL AND duration_s IS NULL)
        OR (schedule IS NOT NULL AND starts IS NULL AND ends IS NULL AND tz IS NOT NULL
            AND duration_s BETWEEN 60 AND 604800))
);
CREATE INDEX maintenance_windows_project_idx ON maintenance_windows (project_id);
CREATE INDEX maintenance_windows_check_idx ON maintenance_windows (check_id) WHERE check_id IS NOT NULL;

CREATE TABLE held_alerts (
    check_id        uuid        NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    flip_id         bigint      NOT NULL,                 -- the down flip whose notifications wait
    flip_created    timestamptz NOT NULL,
    old_status      text        NOT NULL,
    reason          text        NOT NULL DEFAULT '',
    held_by         uuid[]      NOT NULL DEFAULT '{}',    -- the dependencies that are down; empty for a window
    why             text        NOT NULL,
    recheck_after   timestamptz NOT NULL DEFAULT now(),   -- when a sender looks again whether it may be told
    created         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (check_id, flip_id)
);
CREATE INDEX held_alerts_recheck_idx ON held_alerts (recheck_after);
CREATE INDEX held_alerts_held_by_idx ON held_alerts USING gin (held_by);   -- a dependency's alert names them
