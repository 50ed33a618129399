/**
 * `/api/documents/:id`: one stored article — source text, clean text, every block (dropped ones
 * with their reason), mentions and events as spans into the source text. `POST /api/documents`:
 * ingest one article or many (JSON object, JSON array, or JSON Lines) through the pipeline;
 * guarded by the write rules of `write-guard.ts`.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { ParleyError } from '../errors.js';
import { ERROR_RESPONSES, ArticleInput, DocumentBody, IngestBody } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';
import { checkWrite } from './write-guard.js';

/** Most articles in one POST. */
export const MAX_ARTICLES = 100;

function parseJsonLines(body: string): unknown[] {
  const out: unknown[] = [];
  body.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line));
    } catch {
      throw new ParleyError('PARLEY_API_BAD_BODY', { why: `line ${i + 1} is not valid JSON` });
    }
  });
  return out;
}

const documents: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.parley;
  // Articles come as JSON or JSON Lines only (not Fastify's default text/plain).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit: config.bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseJsonLines(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One stored article with its clean text, dropped blocks, mentions and events as spans',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: DocumentBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const d = await app.parley.reads.getDocument(req.params.id);
      if (!d) throw new ParleyError('PARLEY_STORE_NOT_FOUND', { what: 'document', id: req.params.id });
      return {
        id: d.id,
        title: d.meta.title ?? null,
        url: d.meta.url ?? null,
        published: d.meta.published ?? null,
        source: d.meta.source ?? null,
        ingestedAt: d.ingestedAt ?? null,
        sourceText: d.sourceText,
        text: d.text,
        blocks: d.blocks.map((b) => ({ id: b.id, line: b.line, kind: b.kind, start: b.start, end: b.end, dropped: b.dropped ?? null })),
        mentions: d.mentions,
        events: d.events,
      };
    },
  );

  app.post(
    '/',
    {
      bodyLimit: config.bodyLimit,
      // Before the body is read: a refused writer does not get to upload.
      onRequest: async (req) => checkWrite(config, req),
      // One article may be posted on its own; the schema then sees a list of one.
      preValidation: async (req) => {
        const b = req.body as unknown;
        if (b !== null && typeof b === 'object' && !Array.isArray(b)) (req as { body: unknown }).body = [b];
      },
      schema: {
        summary: 'Ingest articles (JSON object, array, or JSON Lines) through the pipeline',
        description:
          'Fields as in JSONL ingest: id, url, title, published, source, text or html. Needs `Authorization: Bearer <PARLEY_API_TOKEN>` when the server has a token; refused without a token unless the server listens on loopback.',
        body: Type.Array(ArticleInput, { minItems: 1, maxItems: MAX_ARTICLES }),
        response: { 200: IngestBody, 201: IngestBody, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const outcome = await app.parley.ingester.ingest(req.body);
      const created = outcome.counts.inserted + outcome.counts.updated > 0;
      return reply.code(created ? 201 : 200).send(outcome);
    },
  );
};

export const documentsRoutes = fp(documents, {
  name: 'parley-documents',
  dependencies: [SERVICES_PLUGIN],
  decorators: { fastify: ['parley'] },
  encapsulate: true,
});
