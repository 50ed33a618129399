/**
 * Who may write: with PARLEY_API_TOKEN set, a request must carry `Authorization: Bearer <token>`
 * (compared in constant time); without a token, writes are accepted only when the server listens
 * on a loopback address, so a server opened to the network is never writable by anyone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { ParleyError } from '../errors.js';
import type { ApiConfig } from './services.js';

/** True for 127.0.0.0/8, ::1, ::ffff:127.x and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Throws `PARLEY_API_UNAUTHORIZED` or `PARLEY_API_WRITES_REFUSED` when the request may not write. */
export function checkWrite(config: ApiConfig, req: FastifyRequest): void {
  if (config.token !== undefined && config.token !== '') {
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1].trim()), digest(config.token))) throw new ParleyError('PARLEY_API_UNAUTHORIZED');
    return;
  }
  if (!isLoopback(config.host)) throw new ParleyError('PARLEY_API_WRITES_REFUSED', { host: config.host });
}
