-- Issue 9, point 1: when an agent works (a time zone and opening hours per weekday, like an SLA calendar; none: any
-- time) and how many chats they take at once.
ALTER TABLE acc_agent ADD COLUMN work_timezone VARCHAR(64);
ALTER TABLE acc_agent ADD COLUMN work_hours VARCHAR(1000);
ALTER TABLE acc_agent ADD COLUMN chat_capacity INT NOT NULL DEFAULT 2;
