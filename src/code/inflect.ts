import { table } from '../table.js';
/**
 * English verb inflection for lexicon lemmas. wink-nlp lemmatises verbs well in running text but
 * tags title-case headline words ("Iran Warns Israel", "Israel Launches Strikes") as proper nouns
 * and leaves them unlemmatised; matching a token's surface form against the inflected forms of the
 * lexicon's verbs catches those. The forms also tell a past participle from a past tense, which the
 * passive test needs.
 */

/** Which inflection a surface form is. A form can be several (regular "-ed" is past and participle). */
export type VerbForm = 'base' | 's' | 'past' | 'pp' | 'ing';

export interface FormInfo {
  lemma: string;
  forms: Set<VerbForm>;
}

/** Irregular verbs: lemma → [past, past participle]. Written for this project. */
const IRREGULAR: Record<string, [string, string]> = table({
  be: ['was', 'been'],
  have: ['had', 'had'],
  do: ['did', 'done'],
  go: ['went', 'gone'],
  say: ['said', 'said'],
  make: ['made', 'made'],
  take: ['took', 'taken'],
  give: ['gave', 'given'],
  forgive: ['forgave', 'forgiven'],
  come: ['came', 'come'],
  become: ['became', 'become'],
  meet: ['met', 'met'],
  speak: ['spoke', 'spoken'],
  hold: ['held', 'held'],
  withhold: ['withheld', 'withheld'],
  uphold: ['upheld', 'upheld'],
  send: ['sent', 'sent'],
  lend: ['lent', 'lent'],
  spend: ['spent', 'spent'],
  shoot: ['shot', 'shot'],
  strike: ['struck', 'struck'],
  fight: ['fought', 'fought'],
  lead: ['led', 'led'],
  sell: ['sold', 'sold'],
  tell: ['told', 'told'],
  pay: ['paid', 'paid'],
  lay: ['laid', 'laid'],
  leave: ['left', 'left'],
  win: ['won', 'won'],
  lose: ['lost', 'lost'],
  bring: ['brought', 'brought'],
  buy: ['bought', 'bought'],
  seek: ['sought', 'sought'],
  begin: ['began', 'begun'],
  withdraw: ['withdrew', 'withdrawn'],
  draw: ['drew', 'drawn'],
  overthrow: ['overthrew', 'overthrown'],
  throw: ['threw', 'thrown'],
  blow: ['blew', 'blown'],
  shut: ['shut', 'shut'],
  cut: ['cut', 'cut'],
  hit: ['hit', 'hit'],
  put: ['put', 'put'],
  set: ['set', 'set'],
  quit: ['quit', 'quit'],
  beat: ['beat', 'beaten'],
  break: ['broke', 'broken'],
  drive: ['drove', 'driven'],
  fly: ['flew', 'flown'],
  run: ['ran', 'run'],
  rise: ['rose', 'risen'],
  undertake: ['undertook', 'undertaken'],
  freeze: ['froze', 'frozen'],
  steal: ['stole', 'stolen'],
  swear: ['swore', 'sworn'],
  tear: ['tore', 'torn'],
  keep: ['kept', 'kept'],
  deal: ['dealt', 'dealt'],
  feel: ['felt', 'felt'],
  build: ['built', 'built'],
  rebuild: ['rebuilt', 'rebuilt'],
  stand: ['stood', 'stood'],
  understand: ['understood', 'understood'],
  oversee: ['oversaw', 'overseen'],
  see: ['saw', 'seen'],
  know: ['knew', 'known'],
  grow: ['grew', 'grown'],
  show: ['showed', 'shown'],
  forbid: ['forbade', 'forbidden'],
  bid: ['bid', 'bid'],
  spread: ['spread', 'spread'],
  shed: ['shed', 'shed'],
  fall: ['fell', 'fallen'],
  find: ['found', 'found'],
  get: ['got', 'gotten'],
  think: ['thought', 'thought'],
  read: ['read', 'read'],
  write: ['wrote', 'written'],
  ride: ['rode', 'ridden'],
  sink: ['sank', 'sunk'],
  slay: ['slew', 'slain'],
  sweep: ['swept', 'swept'],
  bind: ['bound', 'bound'],
  hang: ['hanged', 'hung'],
  mislead: ['misled', 'misled'],
  sit: ['sat', 'sat'],
  stick: ['stuck', 'stuck'],
  shake: ['shook', 'shaken'],
  wake: ['woke', 'woken'],
  hide: ['hid', 'hidden'],
  choose: ['chose', 'chosen'],
  eat: ['ate', 'eaten'],
  outlaw: ['outlawed', 'outlawed'],
});

const VOWEL = /[aeiou]/;

function thirdPerson(l: string): string {
  if (l === 'be') return 'is';
  if (l === 'have') return 'has';
  if (l === 'do' || l === 'go') return l + 'es';
  if (/(s|x|z|ch|sh|o)$/.test(l)) return l + 'es';
  if (/[^aeiou]y$/.test(l)) return l.slice(0, -1) + 'ies';
  return l + 's';
}

/** True when the lemma ends consonant-vowel-consonant (a candidate for doubling: ban → banned). */
function cvc(l: string): boolean {
  const n = l.length;
  return n >= 3 && !VOWEL.test(l[n - 1]) && !/[wxy]/.test(l[n - 1]) && VOWEL.test(l[n - 2]) && !VOWEL.test(l[n - 3]);
}

function regularPast(l: string): string[] {
  if (l.endsWith('e')) return [l + 'd'];
  if (/[^aeiou]y$/.test(l)) return [l.slice(0, -1) + 'ied'];
  if (l.endsWith('c')) return [l + 'ked', l + 'ed'];
  const out = [l + 'ed'];
  if (cvc(l)) out.push(l + l[l.length - 1] + 'ed');
  return out;
}

function ing(l: string): string[] {
  if (l === 'be') return ['being'];
  if (l.endsWith('ie')) return [l.slice(0, -2) + 'ying'];
  if (l.endsWith('e') && !/(ee|ye|oe)$/.test(l) && l.length > 2) return [l.slice(0, -1) + 'ing'];
  if (l.endsWith('c')) return [l + 'king', l + 'ing'];
  const out = [l + 'ing'];
  if (cvc(l)) out.push(l + l[l.length - 1] + 'ing');
  return out;
}

/** Every inflected form of a verb lemma with the inflections it stands for. */
export function inflect(lemma: string): Map<string, Set<VerbForm>> {
  const l = lemma.toLowerCase();
  const out = new Map<string, Set<VerbForm>>();
  const add = (form: string, f: VerbForm) => {
    let s = out.get(form);
    if (!s) out.set(form, (s = new Set()));
    s.add(f);
  };
  add(l, 'base');
  add(thirdPerson(l), 's');
  const irr = IRREGULAR[l];
  if (irr) {
    add(irr[0], 'past');
    add(irr[1], 'pp');
    if (l === 'be') {
      for (const f of ['am', 'are']) add(f, 's');
      add('were', 'past');
    }
  } else {
    for (const f of regularPast(l)) {
      add(f, 'past');
      add(f, 'pp');
    }
  }
  for (const f of ing(l)) add(f, 'ing');
  return out;
}

/** An index from surface forms to lemmas for a set of verb lemmas. */
export class FormIndex {
  private readonly map = new Map<string, FormInfo[]>();

  constructor(lemmas: Iterable<string>) {
    for (const lemma of lemmas) {
      for (const [form, kinds] of inflect(lemma)) {
        let list = this.map.get(form);
        if (!list) this.map.set(form, (list = []));
        if (!list.some((x) => x.lemma === lemma)) list.push({ lemma, forms: kinds });
      }
    }
  }

  /** The lexicon lemmas a lower-case surface form can inflect (empty when none). */
  lookup(form: string): FormInfo[] {
    return this.map.get(form) ?? [];
  }
}

/** The inflections a lower-case surface form could be of the given lemma (empty set if none). */
export function formsOf(surface: string, lemma: string): Set<VerbForm> {
  return inflect(lemma).get(surface.toLowerCase()) ?? new Set();
}
