-- When a mailbox's settings last changed: a page edited from older settings is told, and a node waiting on the
-- server's news (IMAP IDLE) with the old settings starts again with the new ones.
ALTER TABLE eml_mailbox ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE eml_mailbox SET updated_at = created_at;
ALTER TABLE eml_mailbox ALTER COLUMN updated_at SET NOT NULL;
