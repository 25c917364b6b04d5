// Progress, the review queue and settings (the interview date).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { progressHandler } from '../../app/progress.js';
import { parseDate, reviewHandler, setInterviewDate } from '../../app/review.js';
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
  app.get('/review', (c) => {
    const { by } = query(c, z.object({ by: z.string().optional() }));
    return c.json(reviewHandler(ctx, { by }));
  });
  app.get('/settings', (c) =>
    c.json({ interviewDate: ctx.store.getSetting('interviewDate')?.slice(0, 10) ?? null }),
  );
  app.put('/settings', async (c) => {
    const body = await jsonBody(c, Settings);
    if (body.interviewDate === null) ctx.store.setSetting('interviewDate', '');
    else setInterviewDate(ctx, parseDate(body.interviewDate, 'interview date'));
    return c.json({ interviewDate: body.interviewDate });
  });
  return app;
}
