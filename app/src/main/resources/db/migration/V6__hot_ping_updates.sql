-- A ping rewrites its check's row. Pings no longer change an indexed column of a healthy check (see
-- StoredAlertTime), so PostgreSQL can make that a heap-only (HOT) update: the new row version goes on the same page
-- and no index is touched. That needs free room on the page; 70 % leaves room for a few versions of each row.
-- Pages written before this migration fill up as before until VACUUM FULL or a rewrite; new ones keep the room.
ALTER TABLE checks SET (fillfactor = 70);
