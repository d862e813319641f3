-- A ticket merged into another: its conversation moved there, and it points at where it went.
ALTER TABLE tkt_ticket ADD COLUMN merged_into BIGINT;
