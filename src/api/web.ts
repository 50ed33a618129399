/**
 * The dashboard: the files Vite built into `dist/web`, served from `/`. Hashed assets are cached
 * for a year; `index.html` is revalidated. Any other GET outside `/api` that names no file gets
 * `index.html`, so a shared dashboard link (`/dyad?a=CHN&b=IRN`) opens the right view. Paths are
 * resolved inside the web root only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ParleyError } from '../errors.js';
import { notFoundHandler } from './api-error.js';
import { table } from '../table.js';

const TYPES: Record<string, string> = table({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
});

/** The dashboard's Content-Security-Policy: its own scripts and styles, the API, nothing else. */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** The file under `root` a URL path names, or undefined (outside the root, missing, not a file). */
export function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const abs = resolve(root, '.' + normalize('/' + decoded));
  if (abs !== root && !abs.startsWith(root + sep)) return undefined;
  try {
    return statSync(abs).isFile() ? abs : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(reply: FastifyReply, file: string, immutable: boolean): FastifyReply {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  reply.type(type).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (type.startsWith('text/html')) reply.header('content-security-policy', DASHBOARD_CSP);
  return reply.send(createReadStream(file));
}

/** Serve the dashboard from `root` (null: the API only; `/` then explains how to build it). */
export function registerDashboard(app: FastifyInstance, root: string | null): void {
  const webRoot = root === null ? null : resolve(root);
  const index = webRoot ? join(webRoot, 'index.html') : null;
  const missing = () => new ParleyError('PARLEY_API_NO_DASHBOARD', { path: index ?? 'dist/web/index.html' });

  app.get('/*', { config: { hidden: true } }, async (req, reply) => {
    const path = (req.params as { '*': string })['*'] ?? '';
    if (path === 'api' || path.startsWith('api/')) return notFoundHandler(req, reply);
    if (!webRoot || !index || !existsSync(index)) throw missing();
    const file = path === '' ? undefined : fileFor(webRoot, path);
    if (file) return sendFile(reply, file, path.startsWith('assets/'));
    // A path with an extension that is not there is a missing file, not a view.
    if (extname(path) !== '') return notFoundHandler(req, reply);
    return sendFile(reply, index, false);
  });
}
