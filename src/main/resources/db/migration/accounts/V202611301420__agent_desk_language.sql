-- The language an agent chose for the desk: its pages and the mails it sends them (ISO 639-1, one the desk speaks).
-- Null: pages follow the browser, mails go in English.
ALTER TABLE acc_agent ADD COLUMN desk_language VARCHAR(8);
