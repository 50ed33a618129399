/** Query-string schemas shared by the routes, and reading them into store filters. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorRefOf, eventFilterOf, MAX_ACTOR_CHARS, MAX_LIST, mergedFilterOf as mergedParamsOf } from '../export/event-params.js';
import type { EventParams, MergedEventParams, Parsed } from '../export/event-params.js';
import type { ActorRef, EventFilter } from '../store/event-query.js';
import type { MergedEventFilter } from '../store/merged-query.js';
import { badRequest } from './api-error.js';

const LIST_CHARS = MAX_LIST * (MAX_ACTOR_CHARS + 1);

export const ActorListParam = (what: string) =>
  Type.String({ minLength: 1, maxLength: LIST_CHARS, description: `${what}: comma-separated codes (CHN, NATO), KB person ids or person names.` });

export const DateParam = (what: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${what} (YYYY-MM-DD, inclusive).` });

/** The filter parameters of `/api/events` (also the dashboard's URL parameters). */
export const EventFilterParams = {
  source: Type.Optional(ActorListParam('Source actors')),
  target: Type.Optional(ActorListParam('Target actors')),
  dyad: Type.Optional(Type.String({ minLength: 3, maxLength: 2 * MAX_ACTOR_CHARS + 1, description: 'Two actors A,B: events between them in either direction.' })),
  root: Type.Optional(Type.String({ pattern: '^\\d{2}(,\\d{2})*$', maxLength: 3 * MAX_LIST, description: 'CAMEO roots, comma-separated (16,17).' })),
  code: Type.Optional(Type.String({ pattern: '^\\d{2,4}(,\\d{2,4})*$', maxLength: 5 * MAX_LIST, description: 'CAMEO codes, comma-separated; each matches its sub-codes too.' })),
  quad: Type.Optional(Type.String({ pattern: '^[1-4](,[1-4])*$', maxLength: 7, description: 'Quad classes 1-4, comma-separated.' })),
  from: Type.Optional(DateParam('First day')),
  to: Type.Optional(DateParam('Last day')),
  q: Type.Optional(Type.String({ maxLength: 500, description: 'Full-text query over the event documents (words, "phrases", -excluded, or).' })),
  doc: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only the events of this document.' })),
};

/** The value of a parsed parameter; a problem becomes a 400 naming the parameter. */
function valueOf<T>(r: Parsed<T>): T {
  if (!r.ok) throw badRequest('query parameter', r.problem.field, r.problem.why);
  return r.value;
}

/** The store filter of validated query parameters; a problem becomes a 400 naming the parameter. */
export function filterOf(app: FastifyInstance, p: EventParams): EventFilter {
  return valueOf(eventFilterOf(p, { cameo: app.parley.cameo, kb: app.parley.kb() }));
}

/** The merged-event filter of validated query parameters; a problem becomes a 400 naming the parameter. */
export function mergedFilterOf(app: FastifyInstance, p: MergedEventParams): MergedEventFilter {
  return valueOf(mergedParamsOf(p, { cameo: app.parley.cameo, kb: app.parley.kb() }));
}

/** One actor parameter; a problem becomes a 400 naming it. */
export function actorOf(app: FastifyInstance, field: string, v: string): ActorRef {
  return valueOf(actorRefOf(field, v, app.parley.kb()));
}

/** The display form of an actor reference. */
export function refLabel(r: ActorRef): string {
  return 'code' in r ? r.code : r.person;
}
