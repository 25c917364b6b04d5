-- Imported questions with provenance (file and line), grouped by import run; key points the user accepted.
CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  files TEXT NOT NULL,
  imported INTEGER NOT NULL
);

CREATE TABLE imported_questions (
  id TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES imports(id),
  text TEXT NOT NULL,
  answer TEXT,
  section TEXT,
  level INTEGER,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  dedupe_key TEXT NOT NULL,
  key_points TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE INDEX imported_by_key ON imported_questions(dedupe_key);
