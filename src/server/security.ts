// Security middleware: headers (a CSP without inline scripts), same-origin checks on state-changing requests,
// and the bearer token when one is configured (compared in constant time).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './problem.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Recording for playback: the clip is a Blob of this page, played from its object URL (never uploaded).
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Constant-time comparison: both sides are hashed to the same length first. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function securityHeaders(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const method = c.req.method;
    if (path.startsWith('/api/')) {
      if (token) {
        const header = c.req.header('authorization') ?? '';
        const given = header.startsWith('Bearer ') ? header.slice(7) : '';
        if (!sameToken(given, token))
          throw new HttpError(
            401,
            'unauthorized',
            'missing or wrong token: send Authorization: Bearer <MOCKOPS_TOKEN>',
          );
      }
      if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
        const origin = c.req.header('origin');
        const host = c.req.header('host');
        if (origin && host && new URL(origin).host !== host) {
          throw new HttpError(403, 'cross_origin', `cross-origin ${method} from ${origin} refused`);
        }
        if (c.req.header('sec-fetch-site') === 'cross-site')
          throw new HttpError(403, 'cross_origin', 'cross-site request refused');
      }
    }
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), geolocation=(), microphone=(self)');
    if (path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}
