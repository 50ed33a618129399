/**
 * The API's JSON Schemas (TypeBox): one source for request validation, response serialization,
 * the TypeScript types of handlers and `/api/openapi.json`. The event record here must stay the
 * `Event` of `src/doc.ts`; the type checks at the bottom fail to compile when they drift apart.
 */
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Event, Mention } from '../doc.js';
import { ERRORS } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { EventDocRef } from '../store/event-query.js';
import type { MergedEventRecord as MergedEventRecordType } from '../store/merged-query.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const NStr = Nullable(Type.String());

/** A string that is one of `values` (one `enum` keyword, so a validation error lists the allowed values). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() });

export const EventActor = Type.Object({ code: NStr, name: NStr, sector: NStr, person: NStr });

export const Evidence = Type.Object({
  sentence: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  trigger: Span,
  source: Type.Optional(Span),
  target: Type.Optional(Span),
});

export const EventRecord = Type.Object(
  {
    id: Type.String(),
    docId: Type.String(),
    date: NStr,
    dateBasis: StringEnum(['explicit', 'relative', 'publication', 'unknown'] as const),
    source: EventActor,
    target: EventActor,
    cameo: Type.Object({ code: Type.String(), root: Type.String(), label: Type.String() }),
    quad: Type.Integer(),
    goldstein: Type.Number(),
    plover: Type.Object({ event: NStr, mode: NStr }),
    confidence: Type.Number(),
    evidence: Type.Array(Evidence),
  },
  { title: 'Event', description: 'The event record (README "Output contract"); offsets are UTF-16 code units into the source text.' },
);

export const DocRef = Type.Object(
  {
    id: Type.String(),
    title: NStr,
    url: NStr,
    published: NStr,
    source: NStr,
    ingestedAt: Type.String(),
    lead: Nullable(Span),
  },
  { title: 'DocumentRef' },
);

export const MentionRecord = Type.Object({
  id: Type.Integer(),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  actor: Type.String(),
  country: NStr,
  sector: NStr,
  role: NStr,
  person: NStr,
  sentence: Type.Integer(),
  resolvedBy: Type.String(),
  antecedent: Type.Optional(Type.Integer()),
});

/** What a merged event adds to the event record (cross-document resolution). */
const MergedFields = {
  numMentions: Type.Integer({ description: "Evidence sentences of all its raw events (GDELT's NumMentions)." }),
  numSources: Type.Integer({ description: 'Distinct outlets that reported it (NumSources).' }),
  numArticles: Type.Integer({ description: 'Distinct articles that reported it (NumArticles).' }),
  representative: Type.String({ description: 'The raw event its fields, docId and evidence come from.' }),
  eventIds: Type.Array(Type.String(), { description: 'Every raw event it merges, oldest article first.' }),
};

export const MergedEventRecord = Type.Composite([EventRecord, Type.Object(MergedFields)], {
  title: 'MergedEvent',
  description:
    'One real-world event reported by one or more articles: the event record of its representative mention (id is the merged id) with its counts and raw event ids.',
});

/** A listed event: a raw event, or with view=merged a merged event (the merged fields are present then). */
const ListedEvent = Type.Composite([EventRecord, Type.Partial(Type.Object(MergedFields))], {
  title: 'ListedEvent',
  description: 'An event record; with view=merged a merged event, which also has numMentions, numSources, numArticles, representative and eventIds.',
});

export const EventPageBody = Type.Object(
  {
    events: Type.Array(ListedEvent),
    documents: Type.Record(Type.String(), DocRef, { description: 'The documents of the events, by id.' }),
    next: Nullable(Type.String({ description: 'Cursor of the next page; null on the last page.' })),
  },
  { title: 'EventPage' },
);

export const EventDetailBody = Type.Object(
  {
    event: EventRecord,
    document: DocRef,
    mentions: Type.Array(MentionRecord),
    mergedId: Type.Optional(Type.String({ description: 'The merged event it belongs to (GET /api/merged-events/{id}); absent while unresolved.' })),
  },
  { title: 'EventDetail' },
);

export const MergedEventDetailBody = Type.Object(
  {
    event: MergedEventRecord,
    document: DocRef,
    mentions: Type.Array(Type.Object({ event: EventRecord, document: DocRef }), {
      description: 'Every raw event it merges with its evidence and article, oldest article first.',
    }),
  },
  { title: 'MergedEventDetail' },
);

export const DocumentBody = Type.Object(
  {
    id: Type.String(),
    title: NStr,
    url: NStr,
    published: NStr,
    source: NStr,
    ingestedAt: NStr,
    sourceText: Type.String({ description: 'The source text; every start/end points into it (UTF-16 code units).' }),
    text: Type.String({ description: 'The clean text: the kept blocks joined by newlines.' }),
    blocks: Type.Array(
      Type.Object({
        id: Type.Integer(),
        line: Type.Integer(),
        kind: Type.String(),
        start: Type.Integer(),
        end: Type.Integer(),
        dropped: Nullable(Type.String({ description: 'Why the clean stage dropped the block (caption, promo, …); null when kept.' })),
      }),
    ),
    mentions: Type.Array(MentionRecord),
    events: Type.Array(EventRecord),
  },
  { title: 'Document' },
);

const Cell = Type.Object({
  count: Type.Integer(),
  quad: Type.Array(Type.Integer(), { minItems: 4, maxItems: 4, description: 'Counts per quad class 1–4.' }),
  goldsteinSum: Type.Number(),
  goldsteinMean: Nullable(Type.Number()),
});

export const DyadBody = Type.Object(
  {
    a: Type.String(),
    b: Type.String(),
    interval: StringEnum(['day', 'week', 'month'] as const),
    points: Type.Array(
      Type.Object({ period: Type.String(), end: Type.String(), ab: Cell, ba: Cell }, { description: 'ab: a → b; ba: b → a.' }),
    ),
  },
  { title: 'DyadSeries' },
);

export const NetworkBody = Type.Object(
  {
    nodes: Type.Array(
      Type.Object({ id: Type.String(), name: NStr, events: Type.Integer(), out: Type.Integer(), in: Type.Integer() }),
    ),
    edges: Type.Array(
      Type.Object({
        source: Type.String(),
        target: Type.String(),
        events: Type.Integer(),
        goldsteinSum: Type.Number(),
        goldsteinMean: Type.Number(),
      }),
    ),
    truncated: Type.Integer({ description: 'Edges left out by maxEdges.' }),
  },
  { title: 'Network' },
);

export const ActorsBody = Type.Object(
  {
    actors: Type.Array(
      Type.Object({
        kind: StringEnum(['code', 'person'] as const),
        id: Type.String({ description: 'The code, or the person name as stored on events.' }),
        name: NStr,
        type: NStr,
        country: NStr,
        events: Type.Integer(),
      }),
    ),
  },
  { title: 'Actors' },
);

export const ArticleInput = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    url: Type.Optional(Type.String({ maxLength: 4000 })),
    title: Type.Optional(Type.String({ maxLength: 2000 })),
    published: Type.Optional(Type.String({ maxLength: 100 })),
    source: Type.Optional(Type.String({ maxLength: 500 })),
    text: Type.Optional(Type.String()),
    html: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'Article', description: 'The fields of a JSONL ingest record; text or html is needed.' },
);

export const IngestBody = Type.Object(
  {
    results: Type.Array(
      Type.Object({
        index: Type.Integer(),
        id: Type.String(),
        status: StringEnum(['inserted', 'updated', 'duplicate', 'failed'] as const),
        events: Type.Integer(),
        message: Type.Optional(Type.String()),
      }),
    ),
    counts: Type.Object({
      inserted: Type.Integer(),
      updated: Type.Integer(),
      duplicates: Type.Integer(),
      failed: Type.Integer(),
      events: Type.Integer(),
    }),
  },
  { title: 'IngestResult' },
);

export const HealthBody = Type.Object({ status: Type.Literal('ok'), store: Type.String(), version: Type.String() });

export const StatsBody = Type.Object({ documents: Type.Integer(), events: Type.Integer(), mentions: Type.Integer(), store: Type.String() });

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: StringEnum(Object.keys(ERRORS) as ErrorCode[]),
    error: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String({ description: 'The parameter or body field at fault, for a 400.' })),
  },
  { title: 'Error' },
);

/** Error responses every route may give. */
export const ERROR_RESPONSES = { '4xx': ErrorBody, '5xx': ErrorBody };

// Compile-time checks: the schemas describe exactly the stored types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const eventSame: Same<Static<typeof EventRecord>, Event> = true;
const mentionSame: Same<Static<typeof MentionRecord>, Omit<Mention, 'resolvedBy'> & { resolvedBy: string }> = true;
const docRefSame: Same<Static<typeof DocRef>, EventDocRef> = true;
const mergedSame: Same<Static<typeof MergedEventRecord>, MergedEventRecordType> = true;
void mergedSame;
void eventSame;
void mentionSame;
void docRefSame;
