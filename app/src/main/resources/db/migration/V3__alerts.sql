-- The alert sender. Flips are the outbox: a flip that needs telling becomes one notification per channel of its
-- check, in the transaction that marks the flip processed, so each (flip, channel) pair is notified once. Senders
-- claim notifications with a lease (a claim moves next_attempt to the end of the lease); a sender that dies
-- mid-delivery leaves its lease to expire and another sender takes the notification over.

CREATE TABLE notifications (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id        uuid        NOT NULL,
    channel_id      uuid        NOT NULL,
    flip_id         bigint      NOT NULL,
    flip_created    timestamptz NOT NULL,                 -- when the check flipped (its alert time for a timeout)
    old_status      text        NOT NULL,
    new_status      text        NOT NULL,
    reason          text        NOT NULL DEFAULT '',
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt    timestamptz NOT NULL DEFAULT now(),   -- while leased: when the lease ends
    lease_owner     text,                                 -- the claim holding the lease, or null
    done            timestamptz,                          -- when it was handed to the channel, or given up
    error           text        NOT NULL DEFAULT '',
    created         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notifications_once_idx ON notifications (check_id, flip_id, channel_id);
CREATE INDEX notifications_pending_idx ON notifications (next_attempt) WHERE state = 'pending';
CREATE INDEX notifications_channel_idx ON notifications (channel_id);

-- Every delivery attempt, for the check's log.
CREATE TABLE notification_attempts (
    check_id        uuid        NOT NULL,
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    notification_id bigint      NOT NULL,
    channel_id      uuid        NOT NULL,
    created         timestamptz NOT NULL DEFAULT now(),
    sender          text        NOT NULL,                 -- which sender instance made the attempt
    outcome         text        NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed', 'disabled')),
    error           text        NOT NULL DEFAULT '',
    PRIMARY KEY (check_id, id)
);
CREATE INDEX notification_attempts_channel_idx ON notification_attempts (channel_id, created);

-- A channel disabled by a delivery (410 Gone, a rejected address) says why; List-Unsubscribe links carry a token.
ALTER TABLE channels ADD COLUMN disabled_reason text NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN unsubscribe_token uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX channels_unsubscribe_token_idx ON channels (unsubscribe_token);

-- Periodic email reports: each user chooses how often; next_report is claimed and moved on in one statement, so a
-- report goes out at most once per period whichever server runs the job.
ALTER TABLE users ADD COLUMN reports text NOT NULL DEFAULT 'monthly'
    CHECK (reports IN ('off', 'daily', 'weekly', 'monthly'));
ALTER TABLE users ADD COLUMN next_report timestamptz;    -- the end of the period to report next; null until scheduled
CREATE INDEX users_next_report_idx ON users (next_report) WHERE reports <> 'off';
