// Commands that need storage get a context for their run and always close the database afterwards.
import { type AppContext, createContext } from '../app/context.js';

export async function withContext<T>(fn: (ctx: AppContext) => T | Promise<T>): Promise<T> {
  const ctx = createContext();
  try {
    return await fn(ctx);
  } finally {
    ctx.close();
  }
}
