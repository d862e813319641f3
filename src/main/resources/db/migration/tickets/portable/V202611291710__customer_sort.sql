-- Lists sort by customer (issue 8, point 2: "sort on every column"). Customers' names live in accounts; the ticket
-- keeps a lower-case copy for sorting, set when it opens and kept in step by accounts' CustomerRenamed and
-- CustomersMerged events. The backfill reads accounts' table once, here only.
ALTER TABLE tkt_ticket ADD COLUMN customer_sort VARCHAR(200);
UPDATE tkt_ticket SET customer_sort = (SELECT LOWER(c.name) FROM acc_customer c WHERE c.id = tkt_ticket.customer_id);
CREATE INDEX tkt_ticket_customer_sort_ix ON tkt_ticket (customer_sort, id);
