-- Keyword filtering, with Healthchecks' field names and limits (docs/pings.md, "Keyword filtering"). The defaults
-- are "no filtering", so the previous release, which never reads these columns, keeps working during a rolling
-- deploy (it would treat a filtered check's pings by their URL only).
ALTER TABLE checks
    ADD COLUMN filter_subject boolean NOT NULL DEFAULT false,
    ADD COLUMN filter_body boolean NOT NULL DEFAULT false,
    ADD COLUMN filter_http_body boolean NOT NULL DEFAULT false,
    ADD COLUMN filter_default_fail boolean NOT NULL DEFAULT false,
    ADD COLUMN start_kw text NOT NULL DEFAULT '' CHECK (length(start_kw) <= 200),
    ADD COLUMN success_kw text NOT NULL DEFAULT '' CHECK (length(success_kw) <= 200),
    ADD COLUMN failure_kw text NOT NULL DEFAULT '' CHECK (length(failure_kw) <= 200);
