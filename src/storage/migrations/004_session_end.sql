-- Sessions the user ended before the last question (abandoned): shown as such in history.
ALTER TABLE sessions ADD COLUMN ended_early INTEGER NOT NULL DEFAULT 0;
