// What every handler needs: the bank, the store, the clock and id generation (injected, so tests control them).
import { randomBytes } from 'node:crypto';
import type { Bank } from '../core/bank/index.js';
import { loadBank } from '../storage/bank.js';
import { databasePath, openDatabase } from '../storage/db.js';
import { SqliteStore, type Store } from '../storage/store.js';

export interface AppContext {
  readonly bank: Bank;
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
  const bank = options.bank ?? loadBank();
  const db = openDatabase(options.dbFile ?? databasePath());
  const now = options.now ?? (() => new Date());
  return {
    bank,
    store: new SqliteStore(db),
    now,
    newId: () => newSessionId(now()),
    newSeed: () => randomBytes(4).readUInt32BE(0) % 2 ** 31,
    close: () => db.close(),
  };
}
