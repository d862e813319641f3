-- A sender claims a batch of due mails in one statement, marking them with a token of its own, and reads back what
-- it got: one transaction per batch instead of one per mail.
ALTER TABLE eml_outbound ADD COLUMN claim_token VARCHAR(40);
CREATE INDEX eml_outbound_claim_ix ON eml_outbound (claim_token);
