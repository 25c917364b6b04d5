-- Sessions, their turns, every answer (with its analysis and version), review cards and logs, settings.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  mode TEXT NOT NULL,
  style TEXT NOT NULL,
  config TEXT NOT NULL,
  plan TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'finished')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE answers (
  id INTEGER PRIMARY KEY,
  question_id TEXT,
  session_id TEXT REFERENCES sessions(id),
  text TEXT NOT NULL,
  duration_sec REAL,
  score INTEGER,
  grade INTEGER,
  analysis TEXT,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX answers_by_question ON answers(question_id, version);

CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  position INTEGER NOT NULL,
  step INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'follow-up', 'candidate-questions')),
  question_id TEXT,
  preface TEXT NOT NULL,
  prompt TEXT NOT NULL,
  expect TEXT NOT NULL,
  answer_id INTEGER REFERENCES answers(id),
  created_at TEXT NOT NULL,
  UNIQUE (session_id, position)
);

CREATE TABLE cards (
  question_id TEXT PRIMARY KEY,
  card TEXT NOT NULL,
  due TEXT NOT NULL,
  last_score INTEGER NOT NULL,
  best_score INTEGER NOT NULL,
  reviews INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE review_logs (
  id INTEGER PRIMARY KEY,
  question_id TEXT NOT NULL,
  answer_id INTEGER REFERENCES answers(id),
  score INTEGER NOT NULL,
  rating INTEGER NOT NULL,
  due TEXT NOT NULL,
  reviewed_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
