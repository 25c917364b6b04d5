// Imports from the web app: upload files (base64), preview (dry run), save; imported questions and their key points.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { importSources, MAX_IMPORT_BYTES } from '../../app/import.js';
import { NotFoundError } from '../../core/errors.js';
import { proposeKeyPoints } from '../../core/import/keyPoints.js';
import { HttpError } from '../problem.js';
import { jsonBody } from '../validate.js';

const Upload = z.strictObject({
  dryRun: z.boolean().default(true),
  files: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        content: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 8, 'the file is over 5 MiB'),
      }),
    )
    .min(1, 'choose at least one file')
    .max(50),
});

const KeyPoints = z.strictObject({
  keyPoints: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        text: z.string().trim().min(1).max(300),
        concepts: z.array(z.string().trim().min(2).max(120)).min(2, 'give at least two phrasings'),
      }),
    )
    .max(12),
});

/** Uploads are bigger than other bodies: up to 50 files of 5 MiB in base64 would be too much; 12 MiB total. */
const MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

export function importRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.post('/import', async (c) => {
    const body = await jsonBody(c, Upload, MAX_UPLOAD_BYTES);
    const sources = body.files.map((f) => {
      const bytes = Buffer.from(f.content, 'base64');
      return bytes.length > MAX_IMPORT_BYTES
        ? { path: `upload:${f.name}`, bytes: new Uint8Array(0), tooLarge: bytes.length }
        : { path: `upload:${f.name}`, bytes };
    });
    const report = importSources(ctx, sources, { dryRun: body.dryRun });
    if (!body.dryRun && report.imported === 0) {
      throw new HttpError(
        422,
        'nothing_imported',
        'nothing could be imported: every question was a duplicate, or no file could be read',
        {
          files: report.files.map((f) => ({
            path: f.path,
            error: f.error,
            warnings: f.warnings.slice(0, 20),
          })),
          skipped: report.skipped.slice(0, 50),
        },
      );
    }
    // The decoded text can be large; the preview shows questions, warnings and what was repaired.
    return c.json(
      { ...report, files: report.files.map(({ text, ...f }) => ({ ...f, characters: text.length })) },
      body.dryRun ? 200 : 201,
    );
  });
  app.get('/imported', (c) =>
    c.json({ questions: ctx.store.listImported().map(({ dedupeKey: _key, ...q }) => q) }),
  );
  app.get('/imported/:id/candidates', (c) => {
    const record = ctx.store.listImported().find((r) => r.id === c.req.param('id'));
    if (!record) throw new NotFoundError(`no imported question with id "${c.req.param('id')}"`);
    return c.json({ candidates: record.answer ? proposeKeyPoints(record.answer) : [] });
  });
  app.put('/imported/:id/key-points', async (c) => {
    const body = await jsonBody(c, KeyPoints);
    if (!ctx.store.setImportedKeyPoints(c.req.param('id'), body.keyPoints))
      throw new NotFoundError(`no imported question with id "${c.req.param('id')}"`);
    ctx.refreshImported();
    return c.json({ id: c.req.param('id'), keyPoints: body.keyPoints });
  });
  return app;
}
