-- Where fetching goes on: the folder's UIDVALIDITY and the highest UID stored. Mail after it is fetched whatever its
-- flags (someone may have read it in another mail program first); without them (a new or changed mailbox, or a
-- server that renumbered its mail) fetching starts from the unread mail.
ALTER TABLE eml_mailbox ADD COLUMN uid_validity BIGINT;
ALTER TABLE eml_mailbox ADD COLUMN last_uid BIGINT;
