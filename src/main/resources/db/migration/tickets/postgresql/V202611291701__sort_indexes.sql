-- PostgreSQL only (H2 has no indexes on expressions): a list sorted by priority or status reads its page from an
-- index instead of sorting every ticket. The expressions are those of TicketRepository's sorts.
CREATE INDEX tkt_ticket_priority_sort_ix ON tkt_ticket
    ((CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END), id);
CREATE INDEX tkt_ticket_status_sort_ix ON tkt_ticket
    ((CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 WHEN 'solved' THEN 3 ELSE 4 END), id);
