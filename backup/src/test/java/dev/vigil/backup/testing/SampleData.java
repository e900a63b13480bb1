package dev.vigil.backup.testing;

import dev.vigil.testsupport.TestDatabase;

/** A Vigil-like schema filled with generate_series: non-ASCII text, bytea, NULLs, timestamps. */
public final class SampleData {

    private SampleData() {
    }

    public static void fill(TestDatabase db, int pings) {
        Databases.execute(db, """
                CREATE TABLE checks (
                    id      uuid PRIMARY KEY,
                    name    text NOT NULL,
                    created timestamptz NOT NULL
                );
                CREATE TABLE pings (
                    check_id uuid NOT NULL REFERENCES checks (id),
                    n        bigint NOT NULL,
                    created  timestamptz NOT NULL,
                    body     bytea,
                    note     text,
                    PRIMARY KEY (check_id, n)
                );
                CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL);
                INSERT INTO checks
                    SELECT md5(i::text)::uuid, 'Prüfung ' || i || ' — nächtliche Sicherung ✓ 監視',
                           timestamptz '2026-01-01 00:00:00+00' + i * interval '1 hour'
                    FROM generate_series(1, 100) i;
                INSERT INTO settings VALUES ('greeting', '{"text": "Grüße, 世界 🌍"}');
                """);
        Databases.execute(db, "INSERT INTO pings SELECT md5((i % 100 + 1)::text)::uuid, i,"
                + " timestamptz '2026-06-01 00:00:00+00' + i * interval '1 second',"
                + " decode(md5(i::text) || md5((i * 7)::text), 'hex'),"
                + " CASE WHEN i % 3 = 0 THEN 'Grüße aus Köln №' || i WHEN i % 3 = 1 THEN E'tab\\there\\nnew line' END"
                + " FROM generate_series(1, " + pings + ") i");
    }

    /** One MD5 over every row of every table, in a fixed order: equal before and after a faithful restore. */
    public static String checksum(TestDatabase db) {
        return Databases.queryString(db, """
                SELECT md5(
                  (SELECT string_agg(id || '|' || name || '|' || created, ',' ORDER BY id) FROM checks)
                  || (SELECT string_agg(check_id || '|' || n || '|' || created || '|' || coalesce(encode(body, 'hex'), '-')
                                        || '|' || coalesce(note, '∅'), ',' ORDER BY check_id, n) FROM pings)
                  || (SELECT string_agg(key || '|' || value::text, ',' ORDER BY key) FROM settings))
                """);
    }
}
