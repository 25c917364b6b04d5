-- A retry inside a session: an answer of the session that answers one of its planned questions again (not a turn).
ALTER TABLE answers ADD COLUMN retry_step INTEGER;
