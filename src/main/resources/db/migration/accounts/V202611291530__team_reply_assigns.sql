-- A team setting: an agent's reply on an unassigned ticket of the team assigns it to them (on unless turned off).
ALTER TABLE acc_team ADD COLUMN reply_assigns BOOLEAN DEFAULT TRUE NOT NULL;
