/** The dashboard's API client: typed GETs (types come from the server's schemas) and errors the user can read. */
import type { Static } from '@sinclair/typebox';
import type {
  ActorsBody,
  DocumentBody,
  DyadBody,
  EventDetailBody,
  EventPageBody,
  EventRecord,
  NetworkBody,
  StatsBody,
} from '../api/schemas.js';

export type EventRec = Static<typeof EventRecord>;
export type EventPage = Static<typeof EventPageBody>;
export type EventDetail = Static<typeof EventDetailBody>;
export type DocumentView = Static<typeof DocumentBody>;
export type DyadSeries = Static<typeof DyadBody>;
export type NetworkView = Static<typeof NetworkBody>;
export type Actors = Static<typeof ActorsBody>;
export type Stats = Static<typeof StatsBody>;

/** An API error, with the catalogue code and the field at fault. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Params = Record<string, string | number | undefined | null>;

/** `/api/...?a=b` with the empty parameters left out. */
export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** GET JSON; throws ApiError with the server's message, or a network error explained. */
export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('The server cannot be reached. Is `parley serve` still running?', 0, 'NETWORK');
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(`The server answered ${res.status} with something that is not JSON.`, res.status, 'BAD_RESPONSE');
  }
  if (!res.ok) {
    const e = (body ?? {}) as { message?: string; code?: string; field?: string };
    throw new ApiError(e.message ?? `The server answered ${res.status}.`, res.status, e.code ?? 'HTTP', e.field);
  }
  return body as T;
}
