-- Indexes for custom views at a million tickets (issue 8, point 10; figures in docs/benchmarks.md):
-- sorting or narrowing by creation, counting a status and priority from the index alone, and finding a tag's tickets
-- without reading the tag rows.
CREATE INDEX tkt_ticket_created_ix ON tkt_ticket (created_at, id);
CREATE INDEX tkt_ticket_status_priority_ix ON tkt_ticket (status, priority, updated_at, id);
CREATE INDEX tkt_tag_tag_ticket_ix ON tkt_tag (tag, ticket_id);
DROP INDEX tkt_tag_tag_ix;
