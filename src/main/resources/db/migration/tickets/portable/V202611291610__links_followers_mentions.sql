-- Ticket work of issue 8: related tickets, followers, and @mentions in internal notes.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

-- A link is symmetric: stored once, the lower id first.
CREATE TABLE tkt_link (
    ticket_id   BIGINT NOT NULL REFERENCES tkt_ticket (id) ON DELETE CASCADE,
    related_id  BIGINT NOT NULL REFERENCES tkt_ticket (id) ON DELETE CASCADE,
    created_by  BIGINT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, related_id),
    CONSTRAINT tkt_link_order_ck CHECK (ticket_id < related_id)
);
CREATE INDEX tkt_link_related_ix ON tkt_link (related_id);

-- Agents who hear about a ticket's new messages besides its assignee.
CREATE TABLE tkt_follower (
    ticket_id   BIGINT NOT NULL REFERENCES tkt_ticket (id) ON DELETE CASCADE,
    agent_id    BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, agent_id)
);
CREATE INDEX tkt_follower_agent_ix ON tkt_follower (agent_id);

-- Agents named with @ in an internal note.
CREATE TABLE tkt_mention (
    message_id  BIGINT NOT NULL REFERENCES tkt_message (id) ON DELETE CASCADE,
    ticket_id   BIGINT NOT NULL REFERENCES tkt_ticket (id) ON DELETE CASCADE,
    agent_id    BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, agent_id)
);
CREATE INDEX tkt_mention_agent_ix ON tkt_mention (agent_id, created_at);
