-- An agent's signature, added below their public replies (Markdown, like the reply editor).
ALTER TABLE acc_agent ADD COLUMN signature VARCHAR(2000);
