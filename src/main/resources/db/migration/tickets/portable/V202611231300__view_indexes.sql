-- Indexes that give each agent view its rows already in order (updated_at, then id as the tie-breaker the
-- queries sort by), so a 50-row page reads 50 index entries instead of sorting every matching ticket.
DROP INDEX tkt_ticket_status_updated_ix;
DROP INDEX tkt_ticket_updated_ix;
DROP INDEX tkt_ticket_assignee_status_ix;
DROP INDEX tkt_ticket_team_status_ix;
CREATE INDEX tkt_ticket_status_updated_ix ON tkt_ticket (status, updated_at, id);
CREATE INDEX tkt_ticket_updated_ix ON tkt_ticket (updated_at, id);
CREATE INDEX tkt_ticket_assignee_status_ix ON tkt_ticket (assignee_id, status, updated_at, id);
CREATE INDEX tkt_ticket_team_status_ix ON tkt_ticket (team_id, status, updated_at, id);
