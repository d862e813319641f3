-- The tickets that brought a problem back (ADR 30): the ticket page asks for them on every view, and undoing a link
-- asks whether another still repeats the earlier ticket. Without this, both read every ticket.
CREATE INDEX tkt_ticket_repeat_of_ix ON tkt_ticket (repeat_of);
