-- channels/email: who a fetched mail was from and to (shown on the ticket page as mail), and how many fetches of a
-- mailbox have failed in a row (a failing mailbox is tried less often, up to every 15 minutes).
ALTER TABLE eml_inbound ADD COLUMN from_name VARCHAR(200);
ALTER TABLE eml_inbound ADD COLUMN to_addresses VARCHAR(4000);
ALTER TABLE eml_inbound ADD COLUMN cc_addresses VARCHAR(4000);
ALTER TABLE eml_mailbox ADD COLUMN failures INT NOT NULL DEFAULT 0;
