// Request bodies and queries parsed with zod before a handler runs: malformed JSON and invalid fields are 400s.
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './problem.js';

function issues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new HttpError(400, 'malformed_json', 'the request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const list = issues(parsed.error);
    throw new HttpError(
      400,
      'invalid_body',
      `invalid request: ${list.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      list,
    );
  }
  return parsed.data;
}

export function query<T>(c: Context, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const list = issues(parsed.error);
    throw new HttpError(
      400,
      'invalid_query',
      `invalid query: ${list.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      list,
    );
  }
  return parsed.data;
}
