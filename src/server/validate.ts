// Request bodies and queries parsed with zod before a handler runs: malformed JSON and invalid fields are 400s.
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './problem.js';

function issues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

/** Request bodies above this are refused with 413 (an answer is at most 20,000 characters). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Read the body as text, refusing it (413) as soon as it passes the limit, whether or not Content-Length was
 * sent. (hono/body-limit was tried first: it leaked memory on every request under load.)
 */
async function limitedText(c: Context, max: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  const tooLarge = () => new HttpError(413, 'too_large', `the request body is over ${max / 1024 / 1024} MiB`);
  if (declared > max) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function jsonBody<T>(c: Context, schema: z.ZodType<T>, max = MAX_BODY_BYTES): Promise<T> {
  const text = await limitedText(c, max);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
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
