// Commands that need storage get a context for their run and always close the database afterwards.
import { type AppContext, createContext } from '../app/context.js';
import { databasePath, isSqliteError, storageError } from '../storage/db.js';

export async function withContext<T>(fn: (ctx: AppContext) => T | Promise<T>): Promise<T> {
  const ctx = createContext();
  try {
    return await fn(ctx);
  } catch (err) {
    // A database that becomes locked or unwritable mid-command gets the same clear message as at start.
    if (isSqliteError(err)) throw storageError(databasePath(), err);
    throw err;
  } finally {
    ctx.close();
  }
}
