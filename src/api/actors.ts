/** `/api/actors?q=`: actors by code or name, from the knowledge base and the stored events, with event counts. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { MAX_ACTOR_HITS } from '../store/event-query.js';
import { ActorSearch } from './actor-search.js';
import { ActorsBody, ERROR_RESPONSES } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';

const actors: FastifyPluginAsyncTypebox = async (app) => {
  let search: ActorSearch | undefined;
  app.get(
    '/',
    {
      schema: {
        summary: 'Search actors (codes, countries, organisations, people) with their event counts',
        querystring: Type.Object(
          {
            q: Type.String({ maxLength: 100, description: 'A code prefix or a part of a name.' }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ACTOR_HITS, description: 'Most actors (default 20).' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ActorsBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      search ??= new ActorSearch(app.parley.kb());
      return { actors: await search.search(app.parley.reads, req.query.q, req.query.limit ?? 20) };
    },
  );
};

export const actorsRoutes = fp(actors, { name: 'parley-actors', dependencies: [SERVICES_PLUGIN], decorators: { fastify: ['parley'] }, encapsulate: true });
