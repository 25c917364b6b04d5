// The HTTP app: API routes under /api, the built web app for everything else, one error handler.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import { VERSION } from '../app/version.js';
import { WEB_DIST_DIR } from '../storage/paths.js';
import { IMMUTABLE, REVALIDATE, serveAsset } from './assets.js';
import { HttpError, problemResponse } from './problem.js';
import { importRoutes } from './routes/imports.js';
import { incidentRoutes } from './routes/incidents.js';
import { progressRoutes } from './routes/progress.js';
import { questionRoutes } from './routes/questions.js';
import { sessionRoutes } from './routes/sessions.js';
import { securityHeaders } from './security.js';

export { MAX_BODY_BYTES } from './validate.js';

export interface AppOptions {
  /** Folder of the built web app; absent means API only. */
  readonly webDir?: string | null;
  /** Bearer token every API call must carry (set when binding beyond loopback). */
  readonly token?: string | null;
}

export function createApp(ctx: AppContext, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.onError((err, c) => problemResponse(c, err));
  app.use('*', securityHeaders(options.token ?? null));
  app.get('/api/health', (c) =>
    c.json({ status: 'ok', version: VERSION, questions: ctx.bank.questions.length }),
  );
  app.route('/api', questionRoutes(ctx));
  app.route('/api', sessionRoutes(ctx));
  app.route('/api', progressRoutes(ctx));
  app.route('/api', importRoutes(ctx));
  app.route('/api', incidentRoutes(ctx));
  app.all('/api/*', (c) => {
    throw new HttpError(404, 'not_found', `no API route ${c.req.method} ${new URL(c.req.url).pathname}`);
  });
  const webDir = options.webDir === undefined ? WEB_DIST_DIR : options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.get('/assets/*', (c) => {
      const res = serveAsset(c, webDir, new URL(c.req.url).pathname, IMMUTABLE);
      if (!res) throw new HttpError(404, 'not_found', `no file ${new URL(c.req.url).pathname}`);
      return res;
    });
    app.get('/favicon.svg', (c) => serveAsset(c, webDir, '/favicon.svg', REVALIDATE) ?? c.notFound());
    // Client-side routes all get the app shell (compressed, revalidated so a new build shows at once).
    app.get('*', (c) => serveAsset(c, webDir, '/index.html', REVALIDATE) ?? c.notFound());
  } else {
    app.get('/', (c) => c.text('mockops API is running; the web app is not built (run: npm run build:web).'));
  }
  return app;
}
