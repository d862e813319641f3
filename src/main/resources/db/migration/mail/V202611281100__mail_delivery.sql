-- mail: one row per mail that must go out once (a reply notice, an "is it solved?" question), by a key its sender
-- chooses. A sender claims the key before talking to the mail server and marks it sent after; a second sender of the
-- same key (a repeated event, another node) finds it taken and sends nothing.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
CREATE TABLE mail_delivery (
    mail_key    VARCHAR(200) PRIMARY KEY,
    recipient   VARCHAR(320) NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mail_delivery_state_ck CHECK (state IN ('sending', 'sent'))
);
CREATE INDEX mail_delivery_claimed_ix ON mail_delivery (claimed_at);
