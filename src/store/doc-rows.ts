/**
 * `StoredDoc` ⇄ table rows, the same for both dialects. Writing flattens nested objects into
 * columns (see `tables.ts`); reading rebuilds the objects and leaves optional fields absent (not
 * `undefined`) when their column is NULL, so a document read back deep-equals what was put.
 */
import type {
  Block,
  BlockKind,
  DateBasis,
  Diagnostic,
  DocMeta,
  DropReason,
  Event,
  Evidence,
  InputFormat,
  Mention,
  Severity,
} from '../doc.js';
import type { StoredDoc } from './store.js';
import type {
  BlocksTable,
  DiagnosticsTable,
  DocumentsTable,
  EventsTable,
  EvidenceTable,
  MentionsTable,
} from './tables.js';

/**
 * Every row of one document. The keys the database assigns (`documents.seq`, and `doc_seq`, which
 * child rows copy from it) are left out: the dialect adds `doc_seq` once the document row is in.
 */
export interface DocRows {
  document: Omit<DocumentsTable, 'seq'>;
  blocks: Omit<BlocksTable, 'doc_seq'>[];
  diagnostics: Omit<DiagnosticsTable, 'doc_seq'>[];
  mentions: Omit<MentionsTable, 'doc_seq'>[];
  events: EventsTable[];
  evidence: Omit<EvidenceTable, 'doc_seq'>[];
}

/** Child tables, in the order rows are inserted (and the reverse of deletion). */
export const CHILD_TABLES = ['blocks', 'diagnostics', 'mentions', 'events', 'evidence'] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];

const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The rows of one document; `ingestedAt` is used when the document carries none. */
export function toRows(doc: StoredDoc, ingestedAt: string): DocRows {
  const m = doc.meta;
  const docId = doc.id;
  const evidence: DocRows['evidence'] = [];
  const events: EventsTable[] = doc.events.map((e, seq) => {
    e.evidence.forEach((v, i) =>
      evidence.push({
        event_id: e.id,
        doc_id: docId,
        seq: i,
        sentence: v.sentence,
        start: v.start,
        end: v.end,
        trigger_start: v.trigger.start,
        trigger_end: v.trigger.end,
        source_start: v.source ? v.source.start : null,
        source_end: v.source ? v.source.end : null,
        target_start: v.target ? v.target.start : null,
        target_end: v.target ? v.target.end : null,
      }),
    );
    return {
      id: e.id,
      doc_id: e.docId,
      seq,
      date: e.date,
      date_basis: e.dateBasis,
      source_code: e.source.code,
      source_name: e.source.name,
      source_sector: e.source.sector,
      source_person: e.source.person,
      target_code: e.target.code,
      target_name: e.target.name,
      target_sector: e.target.sector,
      target_person: e.target.person,
      cameo_code: e.cameo.code,
      cameo_root: e.cameo.root,
      cameo_label: e.cameo.label,
      quad: e.quad,
      goldstein: e.goldstein,
      plover_event: e.plover.event,
      plover_mode: e.plover.mode,
      confidence: e.confidence,
    };
  });
  return {
    document: {
      id: docId,
      hash: doc.hash,
      url: n(m.url),
      canonical_url: n(m.canonicalUrl),
      title: n(m.title),
      byline: n(m.byline),
      lang: n(m.lang),
      source: n(m.source),
      published: n(m.published),
      published_from: n(m.publishedFrom),
      origin_path: m.origin ? m.origin.path : null,
      origin_line: m.origin ? n(m.origin.line) : null,
      origin_format: m.origin ? m.origin.format : null,
      source_text: doc.sourceText,
      text: doc.text,
      ingested_at: doc.ingestedAt ?? ingestedAt,
      run_id: n(doc.runId),
    },
    blocks: doc.blocks.map((b) => ({
      doc_id: docId,
      id: b.id,
      line: b.line,
      start: b.start,
      end: b.end,
      kind: b.kind,
      dropped: n(b.dropped),
    })),
    diagnostics: doc.diagnostics.map((d, seq) => ({
      doc_id: docId,
      seq,
      severity: d.severity,
      source: d.source,
      rule_id: d.ruleId,
      reason: d.reason,
      start: n(d.start),
      end: n(d.end),
      actual: n(d.actual),
      expected: n(d.expected),
      note: n(d.note),
    })),
    mentions: doc.mentions.map((x) => ({
      doc_id: docId,
      id: x.id,
      start: x.start,
      end: x.end,
      text: x.text,
      actor: x.actor,
      country: x.country,
      sector: x.sector,
      role: x.role,
      person: x.person,
      sentence: x.sentence,
      resolved_by: x.resolvedBy,
      antecedent: n(x.antecedent),
    })),
    events,
    evidence,
  };
}

/** Set `obj[key] = value` unless the value is NULL (optional fields stay absent). */
function opt<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | null): void {
  if (value !== null && value !== undefined) obj[key] = value;
}

/** Rebuild the StoredDoc from its rows (children ordered by id / seq). */
export function fromRows(rows: DocRows): StoredDoc {
  const d = rows.document;
  const meta: DocMeta = {};
  opt(meta, 'url', d.url);
  opt(meta, 'canonicalUrl', d.canonical_url);
  opt(meta, 'title', d.title);
  opt(meta, 'byline', d.byline);
  opt(meta, 'lang', d.lang);
  opt(meta, 'source', d.source);
  opt(meta, 'published', d.published);
  opt(meta, 'publishedFrom', d.published_from);
  if (d.origin_path !== null && d.origin_format !== null) {
    meta.origin = { path: d.origin_path, format: d.origin_format as InputFormat };
    opt(meta.origin, 'line', d.origin_line);
  }
  const evidenceByEvent = new Map<string, Evidence[]>();
  for (const v of rows.evidence) {
    const ev: Evidence = {
      sentence: v.sentence,
      start: v.start,
      end: v.end,
      trigger: { start: v.trigger_start, end: v.trigger_end },
    };
    if (v.source_start !== null && v.source_end !== null) ev.source = { start: v.source_start, end: v.source_end };
    if (v.target_start !== null && v.target_end !== null) ev.target = { start: v.target_start, end: v.target_end };
    let list = evidenceByEvent.get(v.event_id);
    if (!list) evidenceByEvent.set(v.event_id, (list = []));
    list.push(ev);
  }
  const doc: StoredDoc = {
    id: d.id,
    hash: d.hash,
    sourceText: d.source_text,
    text: d.text,
    meta,
    blocks: rows.blocks.map((b) => {
      const block: Block = { id: b.id, line: b.line, kind: b.kind as BlockKind, start: b.start, end: b.end };
      opt(block, 'dropped', b.dropped as DropReason | null);
      return block;
    }),
    mentions: rows.mentions.map((x) => {
      const mention: Mention = {
        id: x.id,
        start: x.start,
        end: x.end,
        text: x.text,
        actor: x.actor,
        country: x.country,
        sector: x.sector,
        role: x.role,
        person: x.person,
        sentence: x.sentence,
        resolvedBy: x.resolved_by,
      };
      opt(mention, 'antecedent', x.antecedent);
      return mention;
    }),
    events: rows.events.map(
      (e): Event => ({
        id: e.id,
        docId: e.doc_id,
        date: e.date,
        dateBasis: e.date_basis as DateBasis,
        source: { code: e.source_code, name: e.source_name, sector: e.source_sector, person: e.source_person },
        target: { code: e.target_code, name: e.target_name, sector: e.target_sector, person: e.target_person },
        cameo: { code: e.cameo_code, root: e.cameo_root, label: e.cameo_label },
        quad: e.quad,
        goldstein: e.goldstein,
        plover: { event: e.plover_event, mode: e.plover_mode },
        confidence: e.confidence,
        evidence: evidenceByEvent.get(e.id) ?? [],
      }),
    ),
    diagnostics: rows.diagnostics.map((x) => {
      const diag: Diagnostic = {
        severity: x.severity as Severity,
        source: x.source,
        ruleId: x.rule_id,
        reason: x.reason,
      };
      opt(diag, 'start', x.start);
      opt(diag, 'end', x.end);
      opt(diag, 'actual', x.actual);
      opt(diag, 'expected', x.expected);
      opt(diag, 'note', x.note);
      return diag;
    }),
    ingestedAt: d.ingested_at,
  };
  if (d.run_id !== null) doc.runId = d.run_id;
  return doc;
}
