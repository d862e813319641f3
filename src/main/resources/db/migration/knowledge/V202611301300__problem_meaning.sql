-- The meaning of each ticket's problem (issue 10, point 5; ADR 30): the sentence embedding of its subject and the
-- customer's first message, 384 floats (little-endian float32), computed once when the ticket opens. The repeat-contact
-- watch compares a new ticket with the customer's recently solved ones; the search index copies the vectors into its
-- KNN field, so a rebuild never runs the model again. `model` names what made the vector: another model starts afresh.
CREATE TABLE kn_problem_meaning (
    ticket_id       BIGINT PRIMARY KEY,
    model           VARCHAR(40) NOT NULL,
    vector          BYTEA NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kn_problem_meaning_created_ix ON kn_problem_meaning (created_at);
