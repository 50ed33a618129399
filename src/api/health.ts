/** `GET /healthz` (cheap: the process answers and the store is open) and `GET /api/stats` (counts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { ERROR_RESPONSES, HealthBody, StatsBody } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { summary: 'Liveness', response: { 200: HealthBody, ...ERROR_RESPONSES } } },
    async () => ({ status: 'ok' as const, store: app.parley.store.kind, version: app.parley.version }),
  );
  app.get(
    '/api/stats',
    { schema: { summary: 'Documents, events and mentions in the store', response: { 200: StatsBody, ...ERROR_RESPONSES } } },
    async () => ({ ...(await app.parley.reads.stats()), store: app.parley.store.kind }),
  );
};

export const healthRoutes = fp(health, { name: 'parley-health', dependencies: [SERVICES_PLUGIN], decorators: { fastify: ['parley'] }, encapsulate: true });
