-- Live incident rounds: the whole simulation state, saved after every turn (a round is never lost).
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  state TEXT NOT NULL,
  finished INTEGER NOT NULL DEFAULT 0,
  overall INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incidents_updated ON incidents (updated_at);
