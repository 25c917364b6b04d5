// Errors as HTTP problems: one place maps every error to a status and a JSON body with a clear message.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  BankError,
  ConflictError,
  InputError,
  MockopsError,
  NotFoundError,
  StorageError,
} from '../core/errors.js';

export interface ProblemBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

export class HttpError extends MockopsError {
  readonly status: ContentfulStatusCode;
  readonly details: unknown;
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(code, message);
    this.status = status;
    this.details = details;
  }
}

export function toProblem(err: unknown): { status: ContentfulStatusCode; body: ProblemBody } {
  const body = (code: string, message: string, details?: unknown): ProblemBody => ({
    error: details === undefined ? { code, message } : { code, message, details },
  });
  if (err instanceof HttpError) return { status: err.status, body: body(err.code, err.message, err.details) };
  if (err instanceof InputError)
    return { status: err.code === 'too_large' ? 413 : 400, body: body(err.code, err.message) };
  if (err instanceof NotFoundError) return { status: 404, body: body(err.code, err.message) };
  if (err instanceof ConflictError) return { status: 409, body: body(err.code, err.message) };
  if (err instanceof BankError)
    return { status: 500, body: body(err.code, 'the question bank has problems; run `mockops bank check`') };
  if (err instanceof StorageError)
    return { status: 503, body: body(err.code, 'storage is unavailable; see the server log') };
  const sqlite = (err as { code?: unknown })?.code;
  if (
    typeof sqlite === 'string' &&
    (sqlite.startsWith('SQLITE_BUSY') || sqlite.startsWith('SQLITE_LOCKED'))
  ) {
    return {
      status: 503,
      body: body('busy', 'the database is busy (another mockops process is writing); try again'),
    };
  }
  if (err instanceof HTTPException)
    return { status: err.status as ContentfulStatusCode, body: body('http', err.message) };
  return { status: 500, body: body('internal', 'something went wrong on the server; see its log') };
}

export function problemResponse(c: Context, err: unknown): Response {
  const { status, body } = toProblem(err);
  if (status >= 500) console.error(err);
  return c.json(body, status);
}
