/**
 * `/api/events`: events matching a filter, one page at a time (JSON, keyset cursor) or as an export
 * streamed in CSV, GDELT TSV, PLOVER JSON records or event-record JSON Lines; `/api/events/:id`:
 * one event with its evidence, document and mentions.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { ParleyError } from '../errors.js';
import { EXPORT_FORMATS, exportLines, streamEvents } from '../export/index.js';
import type { ExportFormat } from '../export/index.js';
import type { EventDocRef, EventHit } from '../store/event-query.js';
import type { Store } from '../store/store.js';
import { badRequest } from './api-error.js';
import { EventFilterParams, filterOf } from './query-params.js';
import { ERROR_RESPONSES, EventDetailBody, EventPageBody, StringEnum } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';

/** Most events in one JSON page. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
/** Most events in one export response (use `parley events` for more). */
export const MAX_EXPORT = 100_000;

const FORMATS = ['json', 'csv', 'gdelt', 'plover', 'jsonl'] as const;

export const EventsQuery = Type.Object(
  {
    ...EventFilterParams,
    sort: Type.Optional(StringEnum(['date', 'goldstein', 'code'] as const, { description: 'Sort key (default date).' })),
    order: Type.Optional(StringEnum(['asc', 'desc'] as const, { description: 'Sort order (default desc).' })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_EXPORT,
        description: `Events per page for json (default ${DEFAULT_PAGE}, at most ${MAX_PAGE}); most events in an export (default and at most ${MAX_EXPORT}).`,
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 1000, pattern: '^[A-Za-z0-9_-]+$', description: 'The next of the previous page.' })),
    format: Type.Optional(
      StringEnum(FORMATS, { description: 'json (a page), csv, gdelt (GDELT 2.0 event TSV), plover (PLOVER JSON Lines), jsonl (event records).' }),
    ),
  },
  { additionalProperties: false },
);

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

const events: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Events matching a filter, newest first: a JSON page or a streamed export',
        querystring: EventsQuery,
        response: { 200: EventPageBody, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const filter = filterOf(app, q);
      const format = q.format ?? 'json';
      const { reads } = app.parley;
      if (format === 'json') {
        if (q.limit !== undefined && q.limit > MAX_PAGE) throw badRequest('query parameter', 'limit', `must be <= ${MAX_PAGE} for format=json`);
        const page = await reads.queryEvents(filter, { sort: q.sort, order: q.order, limit: q.limit ?? DEFAULT_PAGE, cursor: q.cursor });
        const documents: Record<string, EventDocRef> = {};
        for (const h of page.hits) documents[h.document.id] = h.document;
        return { events: page.hits.map((h) => h.event), documents, next: page.next };
      }
      const fmt = format as ExportFormat;
      // streamEvents pages through `queryEvents` only.
      const hits = streamEvents(reads as Store, filter, { sort: q.sort, order: q.order, cursor: q.cursor, limit: q.limit ?? MAX_EXPORT });
      // Read the first page before answering, so that a bad cursor or a store failure is a proper error.
      const first = await hits.next();
      const source: AsyncIterable<EventHit> | Iterable<EventHit> = first.done ? [] : prepend(first.value, hits);
      const spec = EXPORT_FORMATS[fmt];
      reply
        .type(spec.contentType)
        .header('content-disposition', `attachment; filename="parley-events.${spec.extension}"`)
        .header('cache-control', 'no-store');
      const stream = Readable.from(exportLines(fmt, source, app.parley.actorInfo()), { objectMode: false });
      stream.on('error', (err) => req.log.error({ err }, 'export stream failed'));
      // An export is a byte stream, not the JSON page the 200 schema describes (Fastify does not serialize streams).
      return reply.send(stream as never);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One event with all its evidence, its document and the mentions in its evidence',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: EventDetailBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const detail = await app.parley.reads.getEvent(req.params.id);
      if (!detail) throw new ParleyError('PARLEY_STORE_NOT_FOUND', { what: 'event', id: req.params.id });
      return detail;
    },
  );
};

export const eventsRoutes = fp(events, {
  name: 'parley-events',
  dependencies: [SERVICES_PLUGIN],
  decorators: { fastify: ['parley'] },
  encapsulate: true,
});
