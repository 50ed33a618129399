/** `/api/network?from=&to=&min=&root=`: who interacts with whom — actors, and directed edges weighted by events. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { isDate } from '../export/event-params.js';
import { MAX_NETWORK_EDGES } from '../store/event-query.js';
import { badRequest } from './api-error.js';
import { DateParam } from './query-params.js';
import { ERROR_RESPONSES, NetworkBody } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';

export const DEFAULT_EDGES = 300;

const network: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Actors with event counts and directed edges with event counts and mean Goldstein',
        querystring: Type.Object(
          {
            from: Type.Optional(DateParam('First day')),
            to: Type.Optional(DateParam('Last day')),
            min: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Least events an edge needs (default 1).' })),
            root: Type.Optional(Type.String({ pattern: '^\\d{2}(,\\d{2})*$', maxLength: 60, description: 'CAMEO roots, comma-separated.' })),
            maxEdges: Type.Optional(
              Type.Integer({ minimum: 1, maximum: MAX_NETWORK_EDGES, description: `Most edges, busiest first (default ${DEFAULT_EDGES}).` }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: NetworkBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      for (const k of ['from', 'to'] as const) {
        const v = q[k];
        if (v !== undefined && !isDate(v)) throw badRequest('query parameter', k, `'${v}' is not a date`);
      }
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) throw badRequest('query parameter', 'to', `${q.to} is before from (${q.from})`);
      const root = q.root?.split(',');
      const bad = root?.find((r) => Number(r) < 1 || Number(r) > 20);
      if (bad !== undefined) throw badRequest('query parameter', 'root', `'${bad}' is not a CAMEO root (01 to 20)`);
      const net = await app.parley.reads.network({ from: q.from, to: q.to, min: q.min, root, maxEdges: q.maxEdges ?? DEFAULT_EDGES });
      const info = app.parley.actorInfo();
      return { ...net, nodes: net.nodes.map((n) => ({ ...n, name: info.name(n.id) ?? null })) };
    },
  );
};

export const networkRoutes = fp(network, { name: 'parley-network', dependencies: [SERVICES_PLUGIN], decorators: { fastify: ['parley'] }, encapsulate: true });
