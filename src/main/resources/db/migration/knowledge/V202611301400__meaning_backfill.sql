-- The walk that works out the meanings of tickets solved before meanings existed (issue 10; ADR 33). One row: its
-- state, the ticket id it has come down to (it looks at solved tickets below it, newest first), what it counted at
-- the start, how far it has come and the time it has spent. Every page's progress commits with its vectors.
CREATE TABLE kn_meaning_backfill (
    id              INT PRIMARY KEY,
    state           VARCHAR(16) NOT NULL,
    below_id        BIGINT NOT NULL,
    to_look_at      BIGINT NOT NULL,
    looked_at       BIGINT NOT NULL,
    worked_out      BIGINT NOT NULL,
    spent_millis    BIGINT NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    started_by      BIGINT,
    finished_at     TIMESTAMP WITH TIME ZONE,
    error           VARCHAR(500)
);
INSERT INTO kn_meaning_backfill (id, state, below_id, to_look_at, looked_at, worked_out, spent_millis)
VALUES (1, 'idle', 0, 0, 0, 0, 0);
