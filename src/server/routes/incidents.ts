// Live incident rounds: the scenarios, start a round, take a turn, read a round (with its debrief when finished).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import {
  getIncidentHandler,
  incidentTurnHandler,
  listScenariosHandler,
  startIncidentHandler,
} from '../../app/incidents.js';
import { jsonBody } from '../validate.js';

export function incidentRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/incident-scenarios', (c) => c.json({ scenarios: listScenariosHandler() }));
  app.get('/incidents', (c) =>
    c.json({
      incidents: ctx.store.listIncidents(100).map((r) => ({
        id: r.id,
        scenarioId: r.scenarioId,
        finished: r.state.finished,
        minute: r.state.minute,
        overall: r.overall,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
    }),
  );
  app.post('/incidents', async (c) => {
    const body = await jsonBody(
      c,
      z.strictObject({
        scenarioId: z.string().min(1).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
      }),
    );
    return c.json(startIncidentHandler(ctx, body), 201);
  });
  app.get('/incidents/:id', (c) => c.json(getIncidentHandler(ctx, c.req.param('id'))));
  app.post('/incidents/:id/turns', async (c) => {
    const body = await jsonBody(c, z.strictObject({ input: z.string() }));
    return c.json(incidentTurnHandler(ctx, c.req.param('id'), body.input), 201);
  });
  return app;
}
