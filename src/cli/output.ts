// How the CLI turns errors into words and exit codes: one place for every command.
import { BankError, InputError, MockopsError, NotFoundError, StorageError } from '../core/errors.js';

/** Print an error for a person and return the exit code (2 for usage/input, 1 otherwise). */
export function reportError(err: unknown): number {
  if (err instanceof BankError) {
    process.stderr.write(`${err.message}\nFix the file(s) above, then run 'mockops bank check'.\n`);
    return 1;
  }
  if (err instanceof InputError || err instanceof NotFoundError) {
    process.stderr.write(`mockops: ${err.message}\n`);
    return 2;
  }
  if (err instanceof StorageError || err instanceof MockopsError) {
    process.stderr.write(`mockops: ${err.message}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`mockops: unexpected error: ${message}\n`);
  if (process.env.MOCKOPS_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
