/**
 * Counters kept in Redis beside the queue, for `parley queue status` (totals, rates, latency) and
 * for the progress of `parley ingest --queue` (per run). A job is counted once however often it
 * runs (at-least-once delivery): a Lua script sets a per-job marker with NX and only then adds its
 * numbers, atomically.
 */
import { Redis } from 'ioredis';
import type { QueueConfig } from './config.js';
import { connection } from './config.js';

/** Counter names (hash fields). */
export interface Counts {
  jobs: number;
  documents: number;
  inserted: number;
  updated: number;
  duplicates: number;
  /** Poison documents (moved to the failed list). */
  failed: number;
  events: number;
  /** Jobs that exhausted their attempts, and the documents in them. */
  failedJobs: number;
  failedDocuments: number;
  /** Sum and maximum of the time jobs waited in the queue before a worker took them. */
  waitMs: number;
  maxWaitMs: number;
  /** Sum of the time workers spent on jobs. */
  runMs: number;
}

const FIELDS: (keyof Counts)[] = [
  'jobs', 'documents', 'inserted', 'updated', 'duplicates', 'failed', 'events', 'failedJobs', 'failedDocuments', 'waitMs', 'maxWaitMs', 'runMs',
];

export function zeroCounts(): Counts {
  return Object.fromEntries(FIELDS.map((f) => [f, 0])) as unknown as Counts;
}

const RECORD = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) == false then return 0 end
for i = 4, #ARGV, 2 do
  local f, v = ARGV[i], tonumber(ARGV[i + 1])
  for k = 2, #KEYS do
    if f == 'maxWaitMs' then
      local m = tonumber(redis.call('HGET', KEYS[k], f) or '0')
      if v > m then redis.call('HSET', KEYS[k], f, v) end
    else
      redis.call('HINCRBY', KEYS[k], f, v)
    end
  end
end
redis.call('EXPIRE', KEYS[3], ARGV[2])
if #KEYS >= 4 then redis.call('EXPIRE', KEYS[4], ARGV[3]) end
return 1
`;

const DAY_S = 86_400;
/** Per-minute buckets are kept this long (rates look at the last few minutes). */
const MINUTE_TTL_S = 2 * 3600;

export class QueueStats {
  readonly #cfg: QueueConfig;
  #redis: Redis | undefined;

  constructor(cfg: QueueConfig) {
    this.#cfg = cfg;
  }

  private get redis(): Redis {
    if (!this.#redis) {
      this.#redis = new Redis(this.#cfg.url, { ...connection(this.#cfg), lazyConnect: false });
      // Errors surface on the commands; the client reconnects by itself.
      this.#redis.on('error', () => undefined);
    }
    return this.#redis;
  }

  private key(...parts: string[]): string {
    return [this.#cfg.prefix, this.#cfg.name, 'parley', ...parts].join(':');
  }

  /** Count a job once (keyed by `marker`), into the totals, the current minute and its run. Returns false when it was counted before. */
  async record(marker: string, counts: Partial<Counts>, run?: string): Promise<boolean> {
    const keys = [this.key('seen', marker), this.key('stats'), this.key('minute', String(Math.floor(Date.now() / 60_000)))];
    if (run) keys.push(this.key('run', run));
    const args = [String(7 * DAY_S), String(MINUTE_TTL_S), String(7 * DAY_S)];
    for (const [f, v] of Object.entries(counts)) if (v) args.push(f, String(Math.round(v)));
    const r = await this.redis.eval(RECORD, keys.length, ...keys, ...args);
    return r === 1;
  }

  /** Add documents to a run's `queued` count (set by the enqueuer). */
  async addQueued(run: string, documents: number, jobs: number): Promise<void> {
    const k = this.key('run', run);
    await this.redis.multi().hincrby(k, 'queued', documents).hincrby(k, 'queuedJobs', jobs).expire(k, 7 * DAY_S).exec();
  }

  private static parse(h: Record<string, string>): Counts & Record<string, number> {
    const c = zeroCounts() as Counts & Record<string, number>;
    for (const [k, v] of Object.entries(h)) c[k] = Number(v);
    return c;
  }

  /** Add counts to a run only (documents of batches an earlier run already finished). */
  async creditRun(run: string, counts: Partial<Counts>): Promise<void> {
    const k = this.key('run', run);
    const m = this.redis.multi();
    for (const [f, v] of Object.entries(counts)) if (v) m.hincrby(k, f, Math.round(v));
    await m.expire(k, 7 * DAY_S).exec();
  }

  /** A run's counts (with `queued` and `queuedJobs`). */
  async run(run: string): Promise<Counts & { queued: number; queuedJobs: number }> {
    const c = QueueStats.parse(await this.redis.hgetall(this.key('run', run)));
    return { ...c, queued: c.queued ?? 0, queuedJobs: c.queuedJobs ?? 0 };
  }

  async totals(): Promise<Counts> {
    return QueueStats.parse(await this.redis.hgetall(this.key('stats')));
  }

  /**
   * Counts of the last `minutes` minutes: that many whole minutes before the current one, plus the
   * current one so far. `span` is the time they cover, in minutes (for rates).
   */
  async lastMinutes(minutes: number): Promise<Counts & { span: number }> {
    const nowMs = Date.now();
    const now = Math.floor(nowMs / 60_000);
    const out = zeroCounts();
    const p = this.redis.pipeline();
    for (let m = now - minutes; m <= now; m++) p.hgetall(this.key('minute', String(m)));
    for (const [, h] of (await p.exec()) ?? []) {
      const c = QueueStats.parse((h ?? {}) as Record<string, string>);
      for (const f of FIELDS) out[f] = f === 'maxWaitMs' ? Math.max(out[f], c[f]) : out[f] + c[f];
    }
    return { ...out, span: minutes + (nowMs - now * 60_000) / 60_000 };
  }

  /** Delete every counter of this queue (with `queue clean --all`). */
  async reset(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.key('*'), 'COUNT', 500);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    if (this.#redis) {
      await this.#redis.quit().catch(() => this.#redis?.disconnect());
      this.#redis = undefined;
    }
  }
}
