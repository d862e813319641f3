-- H2 has no indexes on expressions: sorting by priority or status sorts the matches (PostgreSQL has indexes).
SELECT 1;
