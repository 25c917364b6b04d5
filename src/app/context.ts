// What every handler needs: the bank, the store, the clock and id generation (injected, so tests control them).
import { randomBytes } from 'node:crypto';
import type { Bank } from '../core/bank/index.js';
import { loadBank } from '../storage/bank.js';
import { databasePath, openDatabase } from '../storage/db.js';
import { SqliteStore, type Store } from '../storage/store.js';
import { withImported } from './imported.js';

export interface AppContext {
  /** The built-in bank plus imported questions (refreshed after an import). */
  readonly bank: Bank;
  /** The built-in bank alone. */
  readonly builtin: Bank;
  refreshImported(): void;
  readonly store: Store;
  readonly now: () => Date;
  readonly newId: () => string;
  /** A seed for sessions started without one. */
  readonly newSeed: () => number;
  readonly close: () => void;
}

export function newSessionId(now: Date): string {
  return `s-${now.getTime().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export interface ContextOptions {
  readonly dbFile?: string;
  readonly bank?: Bank;
  readonly now?: () => Date;
}

export function createContext(options: ContextOptions = {}): AppContext {
  const builtin = options.bank ?? loadBank();
  const db = openDatabase(options.dbFile ?? databasePath());
  const store = new SqliteStore(db);
  const now = options.now ?? (() => new Date());
  let bank = withImported(builtin, store.listImported());
  return {
    get bank() {
      return bank;
    },
    builtin,
    refreshImported: () => {
      bank = withImported(builtin, store.listImported());
    },
    store,
    now,
    newId: () => newSessionId(now()),
    newSeed: () => randomBytes(4).readUInt32BE(0) % 2 ** 31,
    close: () => db.close(),
  };
}
