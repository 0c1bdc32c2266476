// Security: response headers, Host check against DNS rebinding, bearer token on writes.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sent on every response (hijacked SSE responses copy them by hand). The CSP forbids inline
 * scripts: document text is data, never markup. `blob:` workers are allowed because the
 * ForceAtlas2 supervisor starts its worker from a blob URL; inline styles because sigma and
 * vite-built CSS set element styles.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'",
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The token writes need, or undefined when they need none: required whenever the bind address
 * is not loopback (anyone on the network could write), when asked for, or when one is given.
 */
export function resolveToken(host: string, token?: string, requireToken?: boolean): string | undefined {
  if (!requireToken && isLoopback(host) && token === undefined) return undefined;
  return token ?? randomBytes(18).toString('base64url');
}

/** Options of {@link installSecurity}. */
export interface SecurityOptions {
  /** Address the server binds. When loopback, requests must name a loopback Host (DNS rebinding). */
  host: string;
  /** When set, every non-GET request needs `Authorization: Bearer <token>`. */
  token?: string;
}

/** Adds the header, Host and token hooks to `app`. */
export function installSecurity(app: FastifyInstance, opts: SecurityOptions): void {
  const expected = opts.token ? Buffer.from(`Bearer ${opts.token}`) : null;
  const checkHost = isLoopback(opts.host);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    // A page on evil.example rebinding its name to 127.0.0.1 still sends its own Host header.
    if (checkHost && !isLoopback(hostname(req.headers.host ?? ''))) {
      return reply.code(403).send({ error: 'forbidden', message: `host ${JSON.stringify(req.headers.host ?? '')} is not allowed (use 127.0.0.1 or localhost)` });
    }
    if (expected && req.method !== 'GET' && req.method !== 'HEAD') {
      const got = Buffer.from(req.headers.authorization ?? '');
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
        return reply.code(401).send({ error: 'unauthorized', message: 'missing or wrong token: send "Authorization: Bearer <token>" (printed by kg serve at start)' });
      }
    }
  });
}

/** Host header without the port (`[::1]:7474` → `[::1]`, `localhost:80` → `localhost`). */
function hostname(host: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host);
  return (m ? m[1] : host).toLowerCase();
}
