// Progress, the review queue and settings (the interview date).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { EXPORT_FORMATS, exportAs } from '../../app/export.js';
import { progressHandler } from '../../app/progress.js';
import { parseDate, reviewHandler, setInterviewDate } from '../../app/review.js';
import { storiesHandler } from '../../app/stories.js';
import { VERSION } from '../../app/version.js';
import { InputError } from '../../core/errors.js';
import { jsonBody, query } from '../validate.js';

const Settings = z.strictObject({
  interviewDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .nullable(),
});

export function progressRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/progress', (c) => c.json(progressHandler(ctx)));
  app.get('/stories', (c) => c.json(storiesHandler(ctx)));
  app.get('/review', (c) => {
    const { by } = query(c, z.object({ by: z.string().optional() }));
    return c.json(reviewHandler(ctx, { by }));
  });
  app.get('/export', (c) => {
    const { format } = query(c, z.object({ format: z.enum(EXPORT_FORMATS) }));
    const type = {
      anki: 'text/tab-separated-values',
      md: 'text/markdown',
      json: 'application/json',
      csv: 'text/csv',
    }[format];
    const name = {
      anki: 'mockops-anki.txt',
      md: 'mockops-study-guide.md',
      json: 'mockops-answers.json',
      csv: 'mockops-answers.csv',
    }[format];
    return c.body(exportAs(ctx, format, VERSION), 200, {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `attachment; filename="${name}"`,
    });
  });
  app.get('/settings', (c) =>
    c.json({ interviewDate: ctx.store.getSetting('interviewDate')?.slice(0, 10) ?? null }),
  );
  app.put('/settings', async (c) => {
    const body = await jsonBody(c, Settings);
    if (body.interviewDate === null) ctx.store.setSetting('interviewDate', '');
    else {
      const date = parseDate(body.interviewDate, 'interview date');
      if (date.getTime() <= ctx.now().getTime())
        throw new InputError(`the interview date ${body.interviewDate} is not in the future`);
      setInterviewDate(ctx, date);
    }
    return c.json({ interviewDate: body.interviewDate });
  });
  return app;
}
