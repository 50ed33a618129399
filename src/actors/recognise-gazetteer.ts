/**
 * The gazetteer the recogniser probes token by token: every normalised name of the knowledge base
 * and every prefix of a name that ends where a tokenizer may cut ("united", "united states of",
 * "al", "al-"), so that a scan over tokens can stop as soon as no longer name can follow.
 *
 * Keys are the KB's folded names (`normName`); tokens are folded the same way by `foldToken`
 * (with an ASCII fast path) and joined with a space where the text has whitespace between them
 * and with nothing where it has none ("al" "-" "Qaeda" → "al-qaeda"), which reproduces `normName`
 * of the span. Built once per loaded KB and cached.
 */
import type { Kb } from './kb.js';
import { normName } from './kb-normalize.js';

export interface Gazetteer {
  /** Every full key. */
  readonly names: ReadonlySet<string>;
  /** Every full key and every prefix of one that ends at a possible token boundary. */
  readonly prefixes: ReadonlySet<string>;
  /** The prefixes that a longer key continues (where a scan may go on). */
  readonly extendable: ReadonlySet<string>;
  /** The longest name in tokens (a bound for the scan). */
  readonly maxTokens: number;
}

const cache = new WeakMap<Kb, Gazetteer>();
/** Characters at which a tokenizer may split a name (wink splits hyphens, periods, apostrophes). */
const BOUNDARY = new Set([' ', '-', "'", ',', '/', '&', '(', ')', ':', '+']);

/** The gazetteer of a KB (built on first use, then cached for that KB object). */
export function gazetteerOf(kb: Kb): Gazetteer {
  let g = cache.get(kb);
  if (!g) {
    g = buildGazetteer(kb.nameKeys());
    cache.set(kb, g);
  }
  return g;
}

/** Build a gazetteer from normalised keys. */
export function buildGazetteer(keys: Iterable<string>): Gazetteer {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  const extendable = new Set<string>();
  let maxTokens = 1;
  for (const key of keys) {
    if (!key) continue;
    names.add(key);
    prefixes.add(key);
    let pieces = 1;
    for (let i = 1; i < key.length; i++) {
      const c = key[i];
      if (!BOUNDARY.has(c)) continue;
      pieces++;
      prefixes.add(key.slice(0, i));
      extendable.add(key.slice(0, i));
      if (c !== ' ') {
        prefixes.add(key.slice(0, i + 1));
        if (i + 1 < key.length) extendable.add(key.slice(0, i + 1));
        pieces++;
      }
    }
    if (pieces > maxTokens) maxTokens = pieces;
  }
  return { names, prefixes, extendable, maxTokens: Math.min(maxTokens, 16) };
}

const ASCII_PLAIN = /^[\x21-\x7e]*$/;

/**
 * Fold one token's text to the KB's key form: lower case, periods removed, quotes and dashes
 * straightened, diacritics removed. Equal to `normName(text)` for a single token.
 */
export function foldToken(text: string): string {
  if (ASCII_PLAIN.test(text)) {
    let s = text.toLowerCase();
    if (s.includes('.')) s = s.replace(/\./g, '');
    if (s.includes('`')) s = s.replace(/`/g, "'");
    return s;
  }
  return normName(text);
}
