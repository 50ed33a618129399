/**
 * Test documents for the store, built by hand: a small builder that lays out lines of text we wrote,
 * works out every offset, and attaches blocks, mentions, events with evidence, and diagnostics.
 * The texts are invented (fictional countries and people); no article is copied.
 */
import { createHash } from 'node:crypto';
import type { Block, BlockKind, DateBasis, Diagnostic, DocMeta, DropReason, Event, Mention, Span } from '../../../src/doc.js';
import type { StoredDoc, StoredRun } from '../../../src/store/store.js';

interface LineSpec {
  text: string;
  kind: BlockKind;
  dropped?: DropReason;
}

export interface MentionFields {
  actor: string;
  country?: string | null;
  sector?: string | null;
  role?: string | null;
  person?: string | null;
  resolvedBy?: string;
  antecedent?: number;
}

export interface EventFields {
  /** A word of the source mention's line that triggers the event. */
  trigger: string;
  source: Mention;
  target?: Mention;
  cameo: string;
  label?: string;
  quad?: number;
  goldstein?: number;
  confidence?: number;
  date?: string | null;
  dateBasis?: DateBasis;
  plover?: { event: string | null; mode: string | null };
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Builds one StoredDoc line by line; offsets are computed, never typed. */
export class DocBuilder {
  readonly id: string;
  #lines: LineSpec[] = [];
  #meta: DocMeta = {};
  #mentions: Mention[] = [];
  #events: Event[] = [];
  #diagnostics: Diagnostic[] = [];
  #cursor = 0;

  constructor(id: string) {
    this.id = id;
  }

  /** Add a line (one block); a dropped line records an info diagnostic like the clean stage. */
  line(text: string, opts: { kind?: BlockKind; dropped?: DropReason } = {}): this {
    if (text.includes('\n') || text.trim() !== text || text === '') throw new Error(`fixture line must be one trimmed line: ${text}`);
    this.#lines.push({ text, kind: opts.kind ?? 'p', dropped: opts.dropped });
    return this;
  }

  meta(meta: DocMeta): this {
    this.#meta = { ...this.#meta, ...meta };
    return this;
  }

  get sourceText(): string {
    return this.#lines.map((l) => l.text).join('\n');
  }

  /** The span of line `i`. */
  lineSpan(i: number): Span {
    let start = 0;
    for (let k = 0; k < i; k++) start += this.#lines[k].text.length + 1;
    return { start, end: start + this.#lines[i].text.length };
  }

  private lineOf(offset: number): number {
    for (let i = 0; i < this.#lines.length; i++) {
      const s = this.lineSpan(i);
      if (offset >= s.start && offset <= s.end) return i;
    }
    throw new Error(`offset ${offset} is outside the text`);
  }

  /** Mention the next occurrence of `text` (after the previous mention). */
  mention(text: string, f: MentionFields): Mention {
    const start = this.sourceText.indexOf(text, this.#cursor);
    if (start < 0) throw new Error(`fixture: '${text}' not found after offset ${this.#cursor}`);
    this.#cursor = start + text.length;
    const m: Mention = {
      id: this.#mentions.length,
      start,
      end: start + text.length,
      text,
      actor: f.actor,
      country: f.country ?? null,
      sector: f.sector ?? null,
      role: f.role ?? null,
      person: f.person ?? null,
      sentence: this.lineOf(start),
      resolvedBy: f.resolvedBy ?? 'name',
    };
    if (f.antecedent !== undefined) m.antecedent = f.antecedent;
    this.#mentions.push(m);
    return m;
  }

  /** An event whose evidence is the source mention's line. */
  event(f: EventFields): Event {
    const line = this.lineOf(f.source.start);
    const span = this.lineSpan(line);
    const sentence = this.sourceText.slice(span.start, span.end);
    const t = sentence.indexOf(f.trigger);
    if (t < 0) throw new Error(`fixture: trigger '${f.trigger}' not in line ${line}`);
    const e: Event = {
      id: `${this.id}:e${this.#events.length}`,
      docId: this.id,
      date: f.date === undefined ? '2031-03-04' : f.date,
      dateBasis: f.dateBasis ?? 'publication',
      source: { code: f.source.country, name: f.source.text, sector: f.source.sector, person: f.source.person },
      target: f.target
        ? { code: f.target.country, name: f.target.text, sector: f.target.sector, person: f.target.person }
        : { code: null, name: null, sector: null, person: null },
      cameo: { code: f.cameo, root: f.cameo.slice(0, 2), label: f.label ?? `code ${f.cameo}` },
      quad: f.quad ?? 1,
      goldstein: f.goldstein ?? 3.5,
      plover: f.plover ?? { event: 'CONSULT', mode: null },
      confidence: f.confidence ?? 0.8,
      evidence: [
        {
          sentence,
          start: span.start,
          end: span.end,
          trigger: { start: span.start + t, end: span.start + t + f.trigger.length },
          source: { start: f.source.start, end: f.source.end },
          ...(f.target ? { target: { start: f.target.start, end: f.target.end } } : {}),
        },
      ],
    };
    this.#events.push(e);
    this.#diagnostics.push({
      severity: 'info',
      source: 'code',
      ruleId: 'code:pattern',
      reason: `coded ${f.cameo} from '${f.trigger}'`,
      start: e.evidence[0].trigger.start,
      end: e.evidence[0].trigger.end,
    });
    return e;
  }

  diagnostic(d: Diagnostic): this {
    this.#diagnostics.push(d);
    return this;
  }

  build(extra: Partial<Pick<StoredDoc, 'ingestedAt' | 'runId'>> = {}): StoredDoc {
    const sourceText = this.sourceText;
    const blocks: Block[] = this.#lines.map((l, i) => {
      const b: Block = { id: i, line: i, kind: l.kind, ...this.lineSpan(i) };
      if (l.dropped !== undefined) b.dropped = l.dropped;
      return b;
    });
    const dropDiagnostics: Diagnostic[] = blocks
      .filter((b) => b.dropped !== undefined)
      .map((b) => ({
        severity: 'info',
        source: 'clean',
        ruleId: `clean:${b.dropped}`,
        reason: `dropped block ${b.id} as ${b.dropped}`,
        start: b.start,
        end: b.end,
      }));
    return {
      id: this.id,
      hash: sha256(sourceText),
      sourceText,
      text: blocks
        .filter((b) => b.dropped === undefined)
        .map((b) => sourceText.slice(b.start, b.end))
        .join('\n'),
      meta: { ...this.#meta },
      blocks,
      mentions: [...this.#mentions],
      events: [...this.#events],
      diagnostics: [...dropDiagnostics, ...this.#diagnostics],
      ...extra,
    };
  }
}

/** A short two-country document: a meeting between the ministers of Norvania and Kestria. */
export function meetingDoc(id = 'doc-meeting', variant = ''): StoredDoc {
  const b = new DocBuilder(id)
    .meta({
      title: `Norvania and Kestria hold border talks${variant}`,
      url: `https://news.example/${id}`,
      source: 'Example Wire',
      published: '2031-03-04',
      publishedFrom: 'record',
      lang: 'en',
      origin: { path: 'fixtures/meeting.jsonl', line: 3, format: 'jsonl' },
    })
    .line(`Norvania and Kestria hold border talks${variant}`, { kind: 'h' })
    .line('Photo: delegates arrive at the lakeside hall.', { kind: 'caption', dropped: 'caption' })
    .line('The foreign minister of Norvania met Kestrian officials in Velmora on Tuesday.')
    .line('Both sides agreed to reopen the northern crossing before the harvest.')
    .line('Kestria also criticised the fishing quotas set by its neighbour.');
  const n = b.mention('Norvania', { actor: 'NRV', country: 'NRV' });
  const k = b.mention('Kestria', { actor: 'KST', country: 'KST' });
  const minister = b.mention('foreign minister of Norvania', {
    actor: 'p-ilsa-varn',
    country: 'NRV',
    sector: 'GOV',
    role: 'foreign minister',
    person: 'Ilsa Varn',
    resolvedBy: 'role',
  });
  const officials = b.mention('Kestrian officials', { actor: 'KST', country: 'KST', sector: 'GOV', resolvedBy: 'demonym' });
  const k2 = b.mention('Kestria', { actor: 'KST', country: 'KST' });
  const neighbour = b.mention('its neighbour', { actor: 'NRV', country: 'NRV', resolvedBy: 'coref:possessive', antecedent: n.id });
  void k;
  b.event({ trigger: 'met', source: minister, target: officials, cameo: '040', label: 'Consult', goldstein: 1 });
  b.event({
    trigger: 'criticised',
    source: k2,
    target: neighbour,
    cameo: '111',
    label: 'Criticize or denounce',
    quad: 3,
    goldstein: -2,
    confidence: 0.65,
    plover: { event: 'ACCUSE', mode: 'disapprove' },
    dateBasis: 'relative',
    date: null,
  });
  b.diagnostic({ severity: 'warning', source: 'dates', ruleId: 'dates:no-anchor', reason: 'no date for the second event' });
  return b.build();
}

const WORDS = (
  'council delegation harbour treaty envoy province ministry border grain river assembly summit ' +
  'talks cabinet coalition pipeline quota patrol embassy tariff census ferry ballot reform accord'
).split(' ');

/** A deterministic document number `n` with `lines` lines, two mentions and one event. */
export function syntheticDoc(n: number, lines = 8, salt = ''): StoredDoc {
  const b = new DocBuilder(`syn-${n}`).meta({ title: `Report ${n}${salt}`, published: '2031-01-01', source: 'Synthetic' });
  b.line(`Norvania warned Kestria about the ${WORDS[n % WORDS.length]} on day ${n}${salt}.`);
  for (let i = 1; i < lines; i++) {
    const w = (k: number) => WORDS[(n * 7 + i * 3 + k) % WORDS.length];
    b.line(`The ${w(0)} and the ${w(1)} met the ${w(2)} near the ${w(3)} (item ${n}.${i}).`, {
      dropped: i === lines - 1 ? 'promo' : undefined,
    });
  }
  const src = b.mention('Norvania', { actor: 'NRV', country: 'NRV' });
  const tgt = b.mention('Kestria', { actor: 'KST', country: 'KST' });
  b.event({ trigger: 'warned', source: src, target: tgt, cameo: '130', label: 'Threaten', quad: 3, goldstein: -4.4 });
  return b.build();
}

/** Make every field present: optional ones required, nullable ones non-null. */
export type DeepRequired<T> = T extends readonly (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<NonNullable<T[K]>> }
    : T;

/**
 * A document with every field of every stored type present and non-null, for the column tests
 * (the type makes the compiler ask for any field added to `src/doc.ts` or `StoredDoc`).
 */
export function fullDoc(): DeepRequired<StoredDoc> {
  const d = meetingDoc('doc-full');
  const m = d.mentions[5];
  const e = d.events[1];
  return {
    id: d.id,
    // The raw input differed (say, HTML around the same text): another content hash.
    hash: sha256(`<article>${d.sourceText}</article>`),
    sourceText: d.sourceText,
    text: d.text,
    meta: {
      url: 'https://news.example/full',
      canonicalUrl: 'https://news.example/full?canonical',
      title: 'Full',
      byline: 'A. Writer',
      lang: 'en',
      source: 'Example Wire',
      published: '2031-03-04T08:00:00Z',
      publishedFrom: 'json-ld',
      origin: { path: 'in.jsonl', line: 9, format: 'jsonl' },
    },
    blocks: [{ id: 1, line: 1, kind: 'caption', start: 0, end: 5, dropped: 'caption' }],
    mentions: [
      {
        id: m.id,
        start: m.start,
        end: m.end,
        text: m.text,
        actor: m.actor,
        country: 'NRV',
        sector: 'GOV',
        role: 'foreign minister',
        person: 'Ilsa Varn',
        sentence: m.sentence,
        resolvedBy: 'coref:possessive',
        antecedent: 0,
      },
    ],
    events: [
      {
        id: e.id,
        docId: e.docId,
        date: '2031-03-02',
        dateBasis: 'relative',
        source: { code: 'KST', name: 'Kestria', sector: 'GOV', person: 'Oren Dal' },
        target: { code: 'NRV', name: 'Norvania', sector: 'MIL', person: 'Ilsa Varn' },
        cameo: { code: '111', root: '11', label: 'Criticize or denounce' },
        quad: 3,
        goldstein: -2,
        plover: { event: 'ACCUSE', mode: 'disapprove' },
        confidence: 0.65,
        evidence: [
          {
            sentence: 'Kestria also criticised',
            start: 1,
            end: 9,
            trigger: { start: 2, end: 3 },
            source: { start: 1, end: 2 },
            target: { start: 4, end: 5 },
          },
        ],
      },
    ],
    diagnostics: [
      {
        severity: 'warning',
        source: 'dates',
        ruleId: 'dates:relative',
        reason: 'resolved relative to the publication date',
        start: 1,
        end: 2,
        actual: 'last Tuesday',
        expected: 'a date',
        note: 'anchored on 2031-03-04',
      },
    ],
    ingestedAt: '2031-03-05T00:00:00.000Z',
    runId: 'run-1',
  };
}

/** A run record with every field present. */
export function fullRun(): DeepRequired<StoredRun> {
  return {
    id: 'run-1',
    startedAt: '2031-03-05T00:00:00.000Z',
    pipeline: { stages: [{ name: 'extract', version: 1, options: { keep: true } }] },
  };
}

/** One event of {@link eventDoc}. */
export interface EventSpec {
  /** `SRC verb TGT` — the first and last word are actor codes; the middle word triggers the event. */
  line: string;
  cameo: string;
  quad: number;
  goldstein: number;
  date: string | null;
  person?: string;
}

const NAMES: Record<string, string> = { NRV: 'Norvania', KST: 'Kestria', OST: 'Ostmark', ULO: 'ULO' };

/**
 * One document with one line per event about the fictional countries Norvania NRV, Kestria KST,
 * Ostmark OST and the body ULO; the first line is a headline. `meta` overrides the outlet, URL, date.
 */
export function eventDoc(id: string, title: string, specs: EventSpec[], meta: DocMeta = {}): StoredDoc {
  const b = new DocBuilder(id).meta({ title, url: `https://news.example/${id}`, source: 'Example Wire', published: '2031-05-01', ...meta });
  b.line(title, { kind: 'h' });
  for (const s of specs) {
    const [src, verb, tgt] = s.line.split(' ');
    b.line(`${s.person ? `${s.person} of ` : ''}${NAMES[src]} ${verb} ${NAMES[tgt]} over the river dispute.`);
  }
  for (const s of specs) {
    const [src, verb, tgt] = s.line.split(' ');
    const sm = s.person
      ? b.mention(`${s.person} of ${NAMES[src]}`, { actor: `p-${s.person.toLowerCase().replace(/ /g, '-')}`, country: src, sector: 'GOV', person: s.person })
      : b.mention(NAMES[src], { actor: src, country: src });
    const tm = b.mention(NAMES[tgt], { actor: tgt, country: tgt });
    b.event({
      trigger: verb,
      source: sm,
      target: tm,
      cameo: s.cameo,
      label: `label ${s.cameo}`,
      quad: s.quad,
      goldstein: s.goldstein,
      date: s.date,
    });
  }
  return b.build();
}

/** Every page of a paged query, following its cursors (at most 50 pages). */
export async function followPages<H>(read: (cursor: string | undefined) => Promise<{ hits: H[]; next: string | null }>): Promise<H[][]> {
  const pages: H[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await read(cursor);
    pages.push(page.hits);
    if (page.next === null) return pages;
    cursor = page.next;
  }
  throw new Error('too many pages');
}
