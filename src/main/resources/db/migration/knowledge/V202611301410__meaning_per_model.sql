-- A ticket's meaning is kept per model (ADR 33): the key was the ticket id alone, so a new model's vectors could not
-- be stored beside the old ones without a migration. Now a model change needs none: the new model's vectors are
-- worked out (by the follower, the suggestions and the backfill) and stored beside the old, which nothing reads.
-- Rebuilt as a new table because H2 and PostgreSQL drop a primary key differently.
CREATE TABLE kn_problem_meaning_by_model (
    ticket_id       BIGINT NOT NULL,
    model           VARCHAR(40) NOT NULL,
    vector          BYTEA NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, model)
);
INSERT INTO kn_problem_meaning_by_model (ticket_id, model, vector, created_at)
SELECT ticket_id, model, vector, created_at FROM kn_problem_meaning;
DROP TABLE kn_problem_meaning;
ALTER TABLE kn_problem_meaning_by_model RENAME TO kn_problem_meaning;
CREATE INDEX kn_problem_meaning_created_ix ON kn_problem_meaning (created_at);
