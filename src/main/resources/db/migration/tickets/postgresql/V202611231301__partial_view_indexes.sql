-- PostgreSQL only (H2 has no partial indexes): the two views that span two statuses, in their sort order.
CREATE INDEX tkt_ticket_open_view_ix ON tkt_ticket (updated_at, id) WHERE status IN ('new', 'open');
CREATE INDEX tkt_ticket_unassigned_view_ix ON tkt_ticket (updated_at, id)
    WHERE assignee_id IS NULL AND status IN ('new', 'open');
