// Opening the SQLite database: pragmas, ordered migrations, and errors a person can act on.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from '../core/errors.js';
import { MIGRATIONS_DIR } from './paths.js';

export type Db = Database.Database;

export function mockopsHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOCKOPS_HOME && env.MOCKOPS_HOME.trim() !== '' ? env.MOCKOPS_HOME : join(homedir(), '.mockops');
}

export function databasePath(home: string = mockopsHome()): string {
  return join(home, 'mockops.db');
}

export function isSqliteError(err: unknown): boolean {
  return (
    typeof (err as { code?: unknown })?.code === 'string' &&
    (err as { code: string }).code.startsWith('SQLITE_')
  );
}

/** Turn a SQLite or file-system failure into a message that names the file and what to do. */
export function storageError(file: string, err: unknown): StorageError {
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error).message ?? String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StorageError(
      `the database ${file} is locked by another process (is another mockops running?). Close it and try again.`,
      { cause: err },
    );
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'EACCES' ||
    code === 'EROFS' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EPERM'
  ) {
    return new StorageError(
      `cannot write ${file}: the file or its folder is read-only or missing. Fix the permissions, or set MOCKOPS_HOME to a writable folder.`,
      { cause: err },
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StorageError(
      `${file} is not a readable mockops database (it may be corrupt). Nothing was changed: move it aside (mv "${file}" "${file}.bak") to start fresh, or restore a backup.`,
      { cause: err },
    );
  }
  return new StorageError(`the database ${file} cannot be used: ${message}`, { cause: err });
}

function migrate(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const version = Number.parseInt(file, 10);
    if (applied.has(version)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        new Date().toISOString(),
      );
    })();
  }
}

/**
 * WAL with synchronous=NORMAL: a commit is in the write-ahead log before the call returns, so an answer that was
 * acknowledged survives the process being killed (crash, SIGKILL: the durability test does exactly this). Only an
 * operating-system crash or power cut can lose the last commits before the next checkpoint. FULL would also sync
 * the log on every commit; on this class of machine that costs 40–70 ms per answer, which breaks the 150 ms
 * feedback target, for protection a local coach does not need.
 */
export const SYNCHRONOUS = 'NORMAL';

/** Open (and migrate) a database. `:memory:` gives a fresh one for tests. */
export function openDatabase(file: string = databasePath()): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
    db = new Database(file, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${SYNCHRONOUS}`);
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw storageError(file, err);
  }
}
