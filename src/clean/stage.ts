/**
 * The `clean` stage: marks boilerplate blocks and later near-copies of paragraphs as dropped.
 *
 * It reads and writes the `blocks` layer only: a dropped block keeps its span and gets a
 * `dropped` reason, and one `info` diagnostic (`clean:<reason>`, with the block's offsets and the
 * sub-rule that fired) records each decision. Blocks that are already dropped are left alone.
 * The rules are the same for text-derived (`line`) and HTML-derived blocks.
 */
import type { Block, Diagnostic, Doc } from '../doc.js';
import type { Context, StageFn } from '../pipeline.js';
import { stage } from '../pipeline.js';
import type { BlockContext, RuleHit } from './rule.js';
import { BLOCK_RULES } from './rules.js';
import { isPromoListLabel } from './promo.js';
import type { DuplicateOptions } from './duplicates.js';
import { DUPLICATE_DEFAULTS, nearDuplicatesOfWords, startWords } from './duplicates.js';
import type { NamedRule } from './rules.js';
import { withWordCounts } from './rule.js';

export interface CleanOptions {
  /** Rules to turn off, by drop reason: `caption`, `promo`, …, and `duplicate-of` for near-duplicates. */
  disable: string[];
  /** Overrides of the near-duplicate settings (see `DUPLICATE_DEFAULTS`). */
  duplicates: Partial<DuplicateOptions>;
}

export const CLEAN_DEFAULTS: CleanOptions = { disable: [], duplicates: {} };

/** Every name `disable` accepts. */
export const CLEAN_RULE_NAMES: readonly string[] = [...BLOCK_RULES.map((r) => r.name), 'duplicate-of'];

const SOURCE = 'clean';

/**
 * Build the per-document clean function. Throws a TypeError when `disable` names an unknown rule
 * or a duplicate setting is out of range (a configuration bug, caught when the pipeline is built).
 */
export function makeClean(options: Partial<CleanOptions> = {}, _ctx?: Context): StageFn {
  const disable = new Set(options.disable ?? []);
  for (const name of disable) {
    if (!CLEAN_RULE_NAMES.includes(name)) {
      throw new TypeError(`clean: unknown rule '${name}' in disable; known rules: ${CLEAN_RULE_NAMES.join(', ')}`);
    }
  }
  const dup: DuplicateOptions = { ...DUPLICATE_DEFAULTS, ...(options.duplicates ?? {}) };
  for (const key of ['jaccard', 'containment', 'containmentMinRatio'] as const) {
    if (!(dup[key] > 0 && dup[key] <= 1)) throw new TypeError(`clean: duplicates.${key} must be in (0, 1], got ${dup[key]}`);
  }
  for (const key of ['minWords', 'shingleSize'] as const) {
    if (!Number.isInteger(dup[key]) || dup[key] < 1) {
      throw new TypeError(`clean: duplicates.${key} must be a positive integer, got ${dup[key]}`);
    }
  }
  const rules = BLOCK_RULES.filter((r) => !disable.has(r.name));
  const dedupe = !disable.has('duplicate-of');

  return (doc: Doc): void => {
    const blocks = doc.layers.blocks;
    // Each block's text is sliced once and its words read once: the rules' word counts and the
    // duplicate finder's word ids come from that one pass.
    const texts: (string | undefined)[] = new Array<string | undefined>(blocks.length).fill(undefined);
    const words = startWords();
    const seqStart: number[] = [];
    const counts = new Map<string, number>();
    for (let i = 0; i < blocks.length; i++) {
      seqStart.push(words.seq.length);
      const block = blocks[i];
      if (block.dropped !== undefined) continue;
      const text = doc.text.slice(block.start, block.end);
      texts[i] = text;
      words.table.scan(text, words.seq);
      counts.set(text, words.seq.length - seqStart[i]);
    }
    seqStart.push(words.seq.length);
    withWordCounts(counts, () => applyRules(doc, texts, rules));
    if (!dedupe) return;
    const found = nearDuplicatesOfWords(texts, { seq: words.seq, seqStart, words: words.table.size }, dup);
    for (const m of found) {
      const block = blocks[m.index];
      const first = blocks[m.of];
      block.dropped = `duplicate-of:${first.line}`;
      doc.diagnostics.push({
        ...dropDiagnostic(block, 'duplicate-of', `near-duplicate of line ${first.line} (jaccard ${m.jaccard.toFixed(2)}, containment ${m.containment.toFixed(2)})`),
        note: `first copy at [${first.start}, ${first.end})`,
      });
    }
  };
}

/** The single-block rules over the kept blocks, in order; a dropped block's text becomes undefined. */
function applyRules(doc: Doc, texts: (string | undefined)[], rules: readonly NamedRule[]): void {
  const blocks = doc.layers.blocks;
  let anyKept = false;
  let afterPromoLabel: number | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const text = texts[i];
    if (text === undefined) continue;
    const at: BlockContext = {
      index: i,
      count: blocks.length,
      kind: block.kind,
      title: doc.meta.title,
      byline: doc.meta.byline,
      firstKept: !anyKept,
      afterPromoLabel,
    };
    let hit: RuleHit | undefined;
    for (const rule of rules) {
      hit = rule.detect(text, at);
      if (hit) break;
    }
    if (!hit) {
      anyKept = true;
      afterPromoLabel = undefined;
      continue;
    }
    block.dropped = hit.reason;
    texts[i] = undefined;
    doc.diagnostics.push(dropDiagnostic(block, hit.reason, `${hit.why} (rule ${hit.rule})`));
    if (hit.reason === 'promo' && hit.rule === 'promo-label' && isPromoListLabel(text)) afterPromoLabel = 1;
    else if (hit.reason === 'promo' && hit.rule === 'promo-link' && afterPromoLabel !== undefined) afterPromoLabel++;
    else afterPromoLabel = undefined;
  }
}

function dropDiagnostic(block: Block, reason: string, why: string): Diagnostic {
  return { severity: 'info', source: SOURCE, ruleId: `${SOURCE}:${reason}`, reason: why, start: block.start, end: block.end };
}

/** The stage definition: `clean` v1 reads and writes `blocks`. */
export const cleanStage = stage<CleanOptions>(
  'clean',
  1,
  { reads: ['blocks'], writes: ['blocks'], defaults: CLEAN_DEFAULTS },
  (options, ctx) => makeClean(options, ctx),
);
