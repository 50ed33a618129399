/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 description generated from the route schemas as the
 * routes are registered (an `onRoute` hook), so it cannot drift from what the server validates.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { EXPORT_FORMATS } from '../export/index.js';

interface Collected {
  method: string;
  url: string;
  schema: Record<string, unknown>;
}

/** Plain JSON of a TypeBox schema (its symbol keys dropped). */
function plain(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

function parameters(schema: unknown, where: 'query' | 'path'): unknown[] {
  if (!schema) return [];
  const s = plain(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => {
    const { description, ...rest } = p;
    return { name, in: where, required: where === 'path' || (s.required ?? []).includes(name), description, schema: rest };
  });
}

function responses(schema: Record<string, unknown> | undefined, url: string, method: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(schema ?? {})) {
    const content: Record<string, unknown> = { 'application/json': { schema: plain(body) } };
    if (status === '200' && url === '/api/events' && method === 'get') {
      for (const f of Object.values(EXPORT_FORMATS)) content[f.contentType.split(';')[0]] = { schema: { type: 'string' } };
    }
    out[status.toUpperCase()] = { description: status.startsWith('2') ? 'Success' : 'Error: {statusCode, code, error, message}', content };
  }
  return out;
}

/** Collect routes as they are registered; call before registering them. */
export function collectRoutes(app: FastifyInstance): Collected[] {
  const routes: Collected[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || r.url.includes('*') || (r.config as { hidden?: boolean } | undefined)?.hidden) continue;
      routes.push({ method: m.toLowerCase(), url: r.url, schema: (r.schema ?? {}) as Record<string, unknown> });
    }
  });
  return routes;
}

/** The OpenAPI document of the collected routes. */
export function openApiDocument(routes: Collected[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
    const s = r.schema as { summary?: string; description?: string; querystring?: unknown; params?: unknown; body?: unknown; response?: Record<string, unknown> };
    const op: Record<string, unknown> = {
      summary: s.summary,
      description: s.description,
      parameters: [...parameters(s.params, 'path'), ...parameters(s.querystring, 'query')],
      responses: responses(s.response, path, r.method),
    };
    if (s.body) {
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: plain(s.body) }, 'application/x-ndjson': { schema: { type: 'string' } } },
      };
      op.security = [{ bearer: [] }, {}];
    }
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'parley',
      version,
      description:
        'Political event data from news text: events (CAMEO, PLOVER, Goldstein) with their evidence. Offsets are half-open UTF-16 code-unit ranges into a document\'s source text. Errors are {statusCode, code, error, message} with codes from docs/errors.md.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'PARLEY_API_TOKEN' } } },
    paths,
  };
}

/** Register `GET /api/openapi.json` serving the document of `routes` (built on first request, after every route is in). */
export function openApiRoute(app: FastifyInstance, routes: Collected[], version: string): void {
  let doc: string | undefined;
  app.get('/api/openapi.json', { config: { hidden: true } }, async (_req, reply) => {
    doc ??= JSON.stringify(openApiDocument(routes, version));
    return reply.type('application/json; charset=utf-8').send(doc);
  });
}
