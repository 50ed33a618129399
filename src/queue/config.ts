/**
 * Where the queue lives: a Redis URL (`PARLEY_QUEUE`, default redis://127.0.0.1:6379), a queue
 * name (`PARLEY_QUEUE_NAME`, default `parley`) and a key prefix (`PARLEY_QUEUE_PREFIX`, default
 * `parley`), so that several parley installations (or test runs) can share one Redis.
 */
import { ParleyError } from '../errors.js';

export const DEFAULT_QUEUE_URL = 'redis://127.0.0.1:6379';

export interface QueueConfig {
  url: string;
  name: string;
  prefix: string;
}

/** The queue named by the options, then the environment, then the defaults; throws PARLEY_QUEUE_BAD_URL. */
export function queueConfig(opts: Partial<QueueConfig> = {}): QueueConfig {
  const url = opts.url ?? process.env.PARLEY_QUEUE ?? DEFAULT_QUEUE_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ParleyError('PARLEY_QUEUE_BAD_URL', { url });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new ParleyError('PARLEY_QUEUE_BAD_URL', { url: displayUrl(url) });
  return {
    url,
    name: opts.name ?? process.env.PARLEY_QUEUE_NAME ?? 'parley',
    prefix: opts.prefix ?? process.env.PARLEY_QUEUE_PREFIX ?? 'parley',
  };
}

/** The URL without its password, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Connection options for BullMQ (ioredis). Commands wait through an outage (no per-request retry
 * limit, an offline queue) while the client reconnects with a capped back-off, so a Redis restart
 * costs a pause, not a crash.
 */
export function connection(cfg: QueueConfig): { url: string; maxRetriesPerRequest: null; enableOfflineQueue: boolean; retryStrategy: (n: number) => number } {
  return {
    url: cfg.url,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (n: number) => Math.min(250 * n, 2000),
  };
}
