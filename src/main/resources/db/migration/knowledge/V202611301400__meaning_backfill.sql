-- The walk that works out the meanings of tickets solved before meanings existed (issue 10; ADR 33). One row: its
-- state; the ticket id it started above (top_id) and the one it has come down to (below_id: it reads the tickets below
-- it next, newest first); how many solved tickets it counted below top_id (null until its first step has counted);
-- how far it has come and the time it has spent. Every page's progress commits with its vectors.
CREATE TABLE kn_meaning_backfill (
    id              INT PRIMARY KEY,
    state           VARCHAR(16) NOT NULL,
    top_id          BIGINT NOT NULL,
    below_id        BIGINT NOT NULL,
    to_look_at      BIGINT,
    looked_at       BIGINT NOT NULL,
    worked_out      BIGINT NOT NULL,
    skipped         BIGINT NOT NULL,
    spent_millis    BIGINT NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    started_by      BIGINT,
    finished_at     TIMESTAMP WITH TIME ZONE,
    error           VARCHAR(500)
);
INSERT INTO kn_meaning_backfill (id, state, top_id, below_id, looked_at, worked_out, skipped, spent_millis)
VALUES (1, 'idle', 0, 0, 0, 0, 0, 0);
