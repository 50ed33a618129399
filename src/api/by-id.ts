/**
 * `GET <prefix>/:id` routes of one stored record (an event, a merged event, a document): the id
 * path parameter, the record's schema, and a catalogued 404 when the store does not know the id.
 */
import { Type } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../errors.js';
import { ERROR_RESPONSES } from './schemas.js';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export interface ByIdRoute<T> {
  summary: string;
  /** The 200 body. */
  body: TSchema;
  /** What the 404 says is missing ("event", "merged event"). */
  what: string;
  /** The record, or undefined when there is none. */
  read(id: string): Promise<T | undefined>;
}

/** Register `GET /:id` answering `read(id)`, or 404 `PARLEY_STORE_NOT_FOUND`. */
export function byIdRoute<T>(app: FastifyInstance, route: ByIdRoute<T>): void {
  // `summary` is read by the OpenAPI generator (openapi.ts), not by Fastify's own schema type.
  const schema = { summary: route.summary, params: IdParams, response: { 200: route.body, ...ERROR_RESPONSES } };
  app.get<{ Params: { id: string } }>(
    '/:id',
    { schema },
    async (req) => {
      const value = await route.read(req.params.id);
      if (value === undefined) throw new ParleyError('PARLEY_STORE_NOT_FOUND', { what: route.what, id: req.params.id });
      return value;
    },
  );
}
