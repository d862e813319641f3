-- Whether the desk checks a mail server's certificate (and that it names the host). On unless an admin turns it off
-- for a server of their own with a self-signed certificate.
ALTER TABLE eml_mailbox ADD COLUMN imap_verify BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE eml_mailbox ADD COLUMN smtp_verify BOOLEAN DEFAULT TRUE NOT NULL;
