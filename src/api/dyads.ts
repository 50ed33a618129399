/** `/api/dyads?a=&b=&interval=`: how relations between two actors move over time, both directions. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { isDate } from '../export/event-params.js';
import { badRequest } from './api-error.js';
import { actorOf, DateParam, refLabel } from './query-params.js';
import { DyadBody, ERROR_RESPONSES, StringEnum } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';

const Actor = (what: string) => Type.String({ minLength: 1, maxLength: 100, description: `${what}: a code (CHN), a KB person id or a person name.` });

const dyads: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Per period and per direction: event counts per quad class, Goldstein sum and mean',
        querystring: Type.Object(
          {
            a: Actor('First actor'),
            b: Actor('Second actor'),
            interval: Type.Optional(StringEnum(['day', 'week', 'month'] as const, { description: 'Period length (default week; weeks start on Monday).' })),
            from: Type.Optional(DateParam('First day')),
            to: Type.Optional(DateParam('Last day')),
          },
          { additionalProperties: false },
        ),
        response: { 200: DyadBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      for (const k of ['from', 'to'] as const) {
        const v = q[k];
        if (v !== undefined && !isDate(v)) throw badRequest('query parameter', k, `'${v}' is not a date`);
      }
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) throw badRequest('query parameter', 'to', `${q.to} is before from (${q.from})`);
      const a = actorOf(app, 'a', q.a);
      const b = actorOf(app, 'b', q.b);
      const interval = q.interval ?? 'week';
      const s = await app.parley.reads.dyadSeries(a, b, { interval, from: q.from, to: q.to });
      return { a: refLabel(a), b: refLabel(b), interval, points: s.points };
    },
  );
};

export const dyadsRoutes = fp(dyads, { name: 'parley-dyads', dependencies: [SERVICES_PLUGIN], decorators: { fastify: ['parley'] }, encapsulate: true });
