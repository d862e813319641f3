-- How many of a mailbox's mails wait to be applied, read from the index alone (the status the admin page shows).
CREATE INDEX eml_inbound_mailbox_state_ix ON eml_inbound (mailbox_id, state);
