/**
 * GDELT 2.0 event table export: tab-separated, one event per line, no header, the 61 columns of
 * the GDELT 2.0 event codebook in its order (names as in GDELT's BigQuery table), so that tools
 * written for GDELT event files read parley's output.
 *
 * What parley fills (the rest are empty):
 * - GLOBALEVENTID: a number made from parley's event id (the first 13 hex digits of its SHA-256,
 *   below 2^52, so stable across runs and stores); SQLDATE, MonthYear, Year, FractionDate
 *   (Year + (month × 30 + day) / 365, GDELT's formula) from the event date (empty when undated);
 * - Actor1/2Code (country or organisation code followed by the sector, e.g. `CHNGOV`), Name (the
 *   person, else the actor's name in the knowledge base, else the words of the text; upper case
 *   like GDELT's), CountryCode (countries only), KnownGroupCode (organisations and groups),
 *   Type1Code (the CAMEO sector);
 * - IsRootEvent (1 when an evidence sentence lies in the lead paragraph), EventCode,
 *   EventBaseCode (first three digits), EventRootCode, QuadClass, GoldsteinScale;
 * - NumMentions (evidence sentences in the article), NumSources and NumArticles (1: one event row
 *   per article); for a merged event (one real-world event reported by many articles, see
 *   `store/merged-query.ts`) GDELT's own meaning: every mention in every article, the distinct
 *   outlets and the distinct articles;
 * - DATEADDED (YYYYMMDDHHMMSS of ingestion, UTC) and SOURCEURL (the article URL; for a merged event
 *   the article of its representative mention, whose evidence also decides IsRootEvent).
 *
 * Always empty: Actor*EthnicCode, Actor*Religion1Code/2Code, Actor*Type2Code/Type3Code, AvgTone
 * and every geography column (Actor1Geo_*, Actor2Geo_*, ActionGeo_*): parley does not code them.
 */
import { createHash } from 'node:crypto';
import type { EventActor } from '../doc.js';
import type { EventHit } from '../store/event-query.js';
import { isMergedHit } from '../store/merged-query.js';
import type { MergedHit } from '../store/merged-query.js';
import type { ActorInfo } from './actor-info.js';
import { PLAIN_ACTOR_INFO } from './actor-info.js';

const ACTOR_FIELDS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The 61 columns of the GDELT 2.0 event table, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
  ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`),
  ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`),
  ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED', 'SOURCEURL',
];

/** The columns parley never fills. */
export const GDELT_EMPTY_COLUMNS: readonly string[] = GDELT_COLUMNS.filter(
  (c) => /EthnicCode|Religion[12]Code|Type[23]Code|AvgTone|Geo_/.test(c),
);

/** A stable numeric id (< 2^52) for a parley event id. */
export function gdeltEventId(id: string): number {
  return parseInt(createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 13), 16);
}

/** A TSV cell: tabs and line breaks become spaces. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v.replace(/[\t\r\n]+/g, ' ');
}

function actorCells(a: EventActor, info: ActorInfo): (string | null)[] {
  const kind = a.code === null ? undefined : info.kind(a.code);
  const code = a.code === null ? null : `${a.code}${a.sector ?? ''}`;
  const name = a.person ?? (a.code !== null ? info.name(a.code) : undefined) ?? a.name;
  return [
    code,
    name === null || name === undefined ? null : name.toUpperCase(),
    kind === 'country' || (kind === undefined && a.code !== null && /^[A-Z]{3}$/.test(a.code)) ? a.code : null,
    kind === 'igo' || kind === 'group' ? a.code : null,
    null,
    null,
    null,
    a.sector,
    null,
    null,
  ];
}

/** NumMentions, NumSources, NumArticles: a merged event's own, else one article's. */
function counts(hit: EventHit | MergedHit): [number, number, number] {
  const e = hit.event;
  return isMergedHit(hit) ? [hit.event.numMentions, hit.event.numSources, hit.event.numArticles] : [e.evidence.length, 1, 1];
}

/** The 61 values of one event, in {@link GDELT_COLUMNS} order. */
export function gdeltValues(hit: EventHit, info: ActorInfo = PLAIN_ACTOR_INFO): (string | number | null)[] {
  const e = hit.event;
  const date = e.date !== null && /^\d{4}-\d{2}-\d{2}/.test(e.date) ? e.date : null;
  const y = date ? Number(date.slice(0, 4)) : null;
  const m = date ? Number(date.slice(5, 7)) : null;
  const d = date ? Number(date.slice(8, 10)) : null;
  const lead = hit.document.lead;
  const isRoot = lead !== null && e.evidence.some((v) => v.start >= lead.start && v.start < lead.end) ? 1 : 0;
  const added = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(hit.document.ingestedAt)
    ? hit.document.ingestedAt.slice(0, 19).replace(/[-T:]/g, '')
    : null;
  const values: (string | number | null)[] = [
    gdeltEventId(e.id),
    date ? date.slice(0, 10).replace(/-/g, '') : null,
    date ? date.slice(0, 7).replace('-', '') : null,
    y,
    y !== null && m !== null && d !== null ? Number((y + (m * 30 + d) / 365).toFixed(4)) : null,
    ...actorCells(e.source, info),
    ...actorCells(e.target, info),
    isRoot,
    e.cameo.code,
    e.cameo.code.slice(0, 3),
    e.cameo.root,
    e.quad,
    e.goldstein,
    ...counts(hit),
    null,
    ...Array<null>(GEO_FIELDS.length * 3).fill(null),
    added,
    hit.document.url,
  ];
  return values;
}

/** One TSV line (with its "\n"). */
export function gdeltLine(hit: EventHit, info?: ActorInfo): string {
  return gdeltValues(hit, info).map(cell).join('\t') + '\n';
}

/** One line per event, no header (GDELT's files have none). */
export async function* gdeltLines(hits: AsyncIterable<EventHit> | Iterable<EventHit>, info?: ActorInfo): AsyncGenerator<string> {
  for await (const h of hits) yield gdeltLine(h, info);
}
