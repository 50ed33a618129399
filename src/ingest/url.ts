/**
 * http(s) inputs: one GET with the global fetch, redirects followed, a timeout that covers the
 * headers and the body, and a User-Agent naming parley. The body comes back as a byte stream for
 * the same readers as files; the Content-Type and the final URL travel with it.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export const DEFAULT_USER_AGENT = 'parley/0.1 (news to political event data; Node.js fetch)';

const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.8,text/*;q=0.7,*/*;q=0.5';

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export type UrlOpened =
  | {
      ok: true;
      body: AsyncIterable<Buffer>;
      contentType?: string;
      /** The URL after redirects. */
      finalUrl: string;
      /** Content-Length when the server sent one. */
      length?: number;
      destroy(): void;
    }
  | { ok: false; why: string };

/** Say what went wrong with a request in a few words: status, timeout, or the network error. */
export function describeFetchError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no complete response within ${timeoutMs} ms`;
  const cause = err?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  if (cause?.message) return cause.message;
  return err?.message ?? String(e);
}

/** GET a URL. Never throws: network errors, timeouts and non-2xx statuses come back as `why`. */
export async function openUrl(url: string, timeoutMs: number, userAgent: string): Promise<UrlOpened> {
  let res: Response;
  try {
    res = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': userAgent, accept: ACCEPT },
    });
  } catch (e) {
    return { ok: false, why: describeFetchError(e, timeoutMs) };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, why: `status ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
  }
  const lengthHeader = res.headers.get('content-length');
  const length = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  const stream = res.body ? Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
  return {
    ok: true,
    body: stream,
    contentType: res.headers.get('content-type') ?? undefined,
    finalUrl: res.url || url,
    length: res.headers.get('content-encoding') ? undefined : length,
    destroy: () => stream.destroy(),
  };
}
