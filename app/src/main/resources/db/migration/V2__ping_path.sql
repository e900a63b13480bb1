-- What the ping path needs beyond the core tables.

-- Several flips of one check can share a timestamp (two pings in the same microsecond of one batch).
ALTER TABLE flips DROP CONSTRAINT flips_pkey;
ALTER TABLE flips ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE flips ADD PRIMARY KEY (check_id, id);
ALTER TABLE flips ADD COLUMN reason text NOT NULL DEFAULT '';   -- '', 'fail' or 'timeout'
CREATE INDEX flips_check_created_idx ON flips (check_id, created);

-- Bodies may be larger than 2 GB in principle; the size is what the client sent, not what was kept.
ALTER TABLE pings ALTER COLUMN body_size TYPE bigint;

-- Pairing a run's end with its start by run id, when several runs overlap.
CREATE INDEX pings_rid_idx ON pings (check_id, rid) WHERE rid IS NOT NULL;
