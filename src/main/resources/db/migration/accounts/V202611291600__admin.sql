-- Admin work of issue 8: teams can be renamed and deactivated; API tokens carry scopes and an optional expiry;
-- agents are invited by mail to set their own password.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

ALTER TABLE acc_team ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

-- Tokens made before scopes existed keep doing what they did: everything their agent may do.
ALTER TABLE acc_api_token ADD COLUMN scopes VARCHAR(40) NOT NULL DEFAULT 'read,write,admin';
ALTER TABLE acc_api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;

-- An invitation to set one's password: single use, stored as SHA-256 of a 256-bit secret like the tokens.
CREATE TABLE acc_agent_invite (
    token_hash  CHAR(64) PRIMARY KEY,
    agent_id    BIGINT NOT NULL REFERENCES acc_agent (id) ON DELETE CASCADE,
    created_by  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX acc_agent_invite_agent_ix ON acc_agent_invite (agent_id);

CREATE INDEX acc_audit_event_type_ix ON acc_audit_event (subject_type, id);
