/**
 * Pattern matching: for every sentence, find trigger words of the lexicon, pick the most specific
 * pattern whose constraints hold, find the source and target actors by clause analysis, apply the
 * guards, and return candidate events (one per source/target pair) and refusals (why a matched
 * trigger was not coded).
 */
import type { Mention } from '../doc.js';
import type { CameoTable } from './cameo.js';
import type { NounPhrase, SentenceView } from './clause.js';
import type { Assessment } from './guards.js';
import { assessTrigger, attemptedCode, futureCode, refusedCode } from './guards.js';
import type { Lexicon, Pattern } from './lexicon.js';
import { FormIndex } from './inflect.js';

/** How the actors of a candidate were found. */
export type Frame = 'active' | 'passive' | 'adjunct' | 'between' | 'possessor' | 'location' | 'object' | 'modifier';

export interface Candidate {
  sentence: number;
  /** Local token index of the trigger. */
  trigger: number;
  pattern: Pattern;
  code: string;
  source: Mention;
  target: Mention;
  /** 'reverse': the other direction of a symmetric or visit pattern; 'reciprocal': "A and B agreed". */
  derived: 'direct' | 'reverse' | 'reciprocal';
  modality: 'asserted' | 'future' | 'refused' | 'attempted';
  frame: Frame;
}

export interface Refusal {
  sentence: number;
  trigger: number;
  pattern: Pattern;
  ruleId: string;
  reason: string;
}

export interface SentenceResult {
  candidates: Candidate[];
  refusals: Refusal[];
}

/** Sectors of unarmed civilians (CAMEO agent codes): protesters, students, media, refugees, workers, clergy. */
const UNARMED = new Set(['OPP', 'CVL', 'EDU', 'MED', 'REF', 'HRI', 'LAB', 'BUS', 'REL', 'AGR', 'HLH', 'ENV', 'NGO']);

/** Sectors of non-state armed actors (CAMEO agent codes). */
const NON_STATE = new Set(['REB', 'UAF', 'INS', 'TER', 'SEP']);

/** Words that open a time adjunct with a gerund ("after meeting X", "before leaving for Y"). */
const GERUND_ADJUNCTS = new Set(['after', 'before', 'while', 'following', 'upon', 'on', 'when', 'since']);

/** Particles a verb may take before its object without changing its sense ("handed over aid"). */
const LOOSE_PARTICLES = new Set(['over', 'back', 'away', 'along']);
/** Verbs whose "off" completes the act their object names ("broke off ties", "cut off aid", "called off talks"). */
const COMPLETIVE_OFF = new Set(['break', 'cut', 'call', 'shut', 'seal', 'close']);
/** Verbs whose "up" completes the act ("beat up", "locked up"). */
const COMPLETIVE_UP = new Set(['beat', 'lock']);

/** Modifiers that make an event noun unasserted ("planned visit", "possible talks"). */
const NOUN_FUTURE = new Set(['planned', 'upcoming', 'proposed', 'expected', 'scheduled', 'future', 'forthcoming', 'next', 'possible', 'potential', 'prospective', 'new']);
const NOUN_HYPOTHETICAL = new Set(['possible', 'potential', 'proposed', 'prospective']);
/**
 * Support verbs: verbs whose object noun names the act ("levelled accusations against X", "launched
 * an offensive on X", "issued a warning to X"); the verb's subject is the actor of the noun.
 */
const SUPPORT_VERBS = new FormIndex([
  'make', 'level', 'issue', 'launch', 'carry', 'mount', 'stage', 'voice', 'express', 'give', 'offer', 'lodge', 'renew',
  'repeat', 'reiterate', 'step', 'intensify', 'escalate', 'unleash', 'deliver', 'extend', 'hurl', 'file', 'begin',
  'start', 'continue', 'resume', 'conduct', 'open', 'wage', 'pursue', 'order', 'send', 'direct', 'aim', 'sharpen',
  'step', 'press', 'broaden', 'widen', 'expand', 'mount', 'execute', 'perform', 'undertake', 'trade', 'exchange', 'lead',
  'paint', 'present', 'provide', 'kick', 'wrap', 'round', 'complete', 'finish', 'speed', 'accelerate', 'hasten',
]);
/** Verbs under which the act named by their object did not (yet) happen ("denied an attack", "feared a strike"). */
const UNASSERTING_VERBS = new Set([
  'deny', 'fear', 'prevent', 'avert', 'plan', 'consider', 'threaten', 'warn', 'call', 'urge', 'demand', 'seek', 'propose',
  'oppose', 'avoid', 'risk', 'rule', 'debate', 'discuss', 'weigh', 'mull', 'contemplate', 'want', 'ask', 'push', 'lobby',
  'prepare', 'study', 'predict', 'expect', 'postpone', 'delay', 'cancel', 'suspend', 'halt', 'stop', 'end', 'rumor',
  'rumour', 'deter', 'resist', 'block', 'veto', 'reject', 'dismiss', 'refute', 'question', 'doubt', 'investigate', 'probe',
  'foil', 'thwart', 'plot', 'allege', 'claim', 'imagine', 'envisage', 'envision', 'discount', 'downplay',
]);
/** Nouns before "of"/"for" that leave the act they govern unasserted ("the threat of sanctions", "calls for an attack"). */
const UNASSERTING_NOUNS = new Set([
  'threat', 'fear', 'risk', 'prospect', 'possibility', 'plan', 'call', 'demand', 'need', 'danger', 'rumor', 'rumour',
  'warning', 'talk', 'denial', 'case', 'pretext', 'vow', 'pledge', 'likelihood', 'chance', 'spectre', 'specter',
  'scenario', 'option', 'idea', 'request', 'appeal', 'push', 'bid', 'preparation', 'planning', 'allegation', 'claim',
  'proposal', 'question', 'opposition', 'resistance', 'consideration', 'support',
]);

/** Words after which "for" names an act that is announced ("set for talks", "due for a visit"). */
const READY_WORDS = new Set(['set', 'due', 'ready', 'poised', 'scheduled', 'bound', 'headed', 'heading', 'gearing', 'preparing']);

/** Prepositions that put an event noun in an adjunct of another clause ("In a phone call with X, Y said"). */
const ADJUNCT_PREPS = new Set(['in', 'during', 'at', 'after', 'following', 'on', 'over', 'through']);

/** Code one sentence. */
export function matchSentence(view: SentenceView, lexicon: Lexicon, cameo: CameoTable): SentenceResult {
  const out: SentenceResult = { candidates: [], refusals: [] };
  if (view.mentions.length === 0) return out;
  for (let i = 0; i < view.length; i++) {
    if (view.mentionAt[i]) continue;
    // "U.S.-backed", "Syrian-led": the second half of an actor compound modifies a noun; it is no predicate
    if (i >= 2 && view.norm(i - 1) === '-' && view.tokens[i - 1].start === view.tokens[i - 2].end && view.tokens[i].start === view.tokens[i - 1].end && view.mentionAt[i - 2]) continue;
    if (view.pos(i) === 'AUX' || (view.isVerb(i) && view.lemma(i) === 'be')) matchReported(view, i, lexicon, cameo, out);
    // "the Armenian shelling of X": an "-ing" event noun of the lexicon after a determiner, an
    // adjective or an actor, before "of", is a noun, whatever wink tagged it
    else if (lexicon.byNoun.has(view.norm(i)) && view.norm(i).endsWith('ing') && view.norm(i + 1) === 'of' && i > 0 && (view.pos(i - 1) === 'DET' || view.pos(i - 1) === 'ADJ' || view.mentionAt[i - 1] !== undefined)) matchNoun(view, i, lexicon, cameo, out);
    else if (view.isVerb(i)) matchVerb(view, i, lexicon, cameo, out);
    else if (view.pos(i) === 'NOUN' || view.pos(i) === 'PROPN') matchNoun(view, i, lexicon, cameo, out);
    // wink tags some event nouns as adjectives before their preposition ("a fresh offensive against X")
    else if (view.pos(i) === 'ADJ' && view.pos(i + 1) === 'ADP' && (view.pos(i - 1) === 'DET' || view.pos(i - 1) === 'ADJ' || view.pos(i - 1) === 'ADV')) matchNoun(view, i, lexicon, cameo, out);
  }
  matchColonSpeaker(view, lexicon, cameo, out);
  // fallback patterns ("X said Y ...": a statement about Y) code only a sentence nothing else codes
  // (nor a sentence where the guards refused another trigger: "X said Y's war was not illegal")
  const GUARDED = new Set(['code:negated', 'code:hypothetical', 'code:question']);
  if (
    out.candidates.some((c) => c.pattern.fallback) &&
    (out.candidates.some((c) => !c.pattern.fallback) || out.refusals.some((r) => !r.pattern.fallback && GUARDED.has(r.ruleId)))
  ) {
    out.candidates = out.candidates.filter((c) => !c.pattern.fallback);
  }
  return out;
}

/**
 * Headline speech without a verb: "Sudan: UN Ruling Won't Help" is Sudan saying something about the
 * UN. The actor before the colon is the speaker (or, wire style, the actor after the last colon:
 * "UN Ruling Won't Help: Sudan"); the statement patterns of "say" (fallbacks with an
 * `about` target) code it as if the headline read "Sudan says the UN ruling ...".
 */
function matchColonSpeaker(view: SentenceView, lexicon: Lexicon, cameo: CameoTable, out: SentenceResult): void {
  if (!view.headline || view.question) return;
  let c = 1;
  while (c < Math.min(view.length, 7) && view.norm(c) !== ':') c++;
  let speaker = view.norm(c) === ':' ? view.phraseRight(0, c) : undefined;
  let about: NounPhrase | undefined;
  let from = c + 1;
  let to = view.length;
  if (speaker && speaker.end === c && speaker.mentions.length > 0) about = view.complementSubject(c + 1);
  else {
    // the speaker after the last colon: "Syria Is Arming the Militias: Israel"
    speaker = view.trailingColonSpeaker();
    if (!speaker) return;
    about = view.complementSubject(0);
    from = 0;
    to = speaker.start;
  }
  if (speaker.mentions.some((m) => m.resolvedBy === 'capital')) return;
  if (!about || about.end > to) return;
  let best: Pattern | undefined;
  for (const p of lexicon.byVerb.get('say') ?? []) {
    if (!p.fallback || !p.target.some((t) => t.kind === 'about')) continue;
    if (p.requires && !hasWord(view, from, to, p.requires)) continue;
    if (!best || p.specificity > best.specificity || (p.specificity === best.specificity && p.order < best.order)) best = p;
  }
  if (!best) return;
  emit(out, view, from === 0 ? speaker.start - 1 : c, best, { modality: 'asserted' }, speaker.mentions, about.mentions, false, 'active', cameo);
}

/**
 * Patterns with `frame: reported` on an auxiliary ("X said Y must withdraw", "X said Y's war was
 * illegal"): the speaker of the reporting verb is the source, the auxiliary's subject the target.
 */
function matchReported(view: SentenceView, m: number, lexicon: Lexicon, cameo: CameoTable, out: SentenceResult): void {
  const key = view.norm(m) === view.lemma(m) ? view.norm(m) : view.lemma(m);
  const patterns = (lexicon.byVerb.get(key) ?? lexicon.byVerb.get(view.norm(m)) ?? []).filter((p) => p.frame === 'reported');
  if (patterns.length === 0) return;
  const end = clauseEnd(view, m);
  let pattern: Pattern | undefined;
  for (const p of patterns) {
    if (p.requires && !hasWord(view, m + 1, end, p.requires)) continue;
    if (p.unless && hasWord(view, m + 1, end, p.unless)) continue;
    if (!pattern || p.specificity > pattern.specificity || (p.specificity === pattern.specificity && p.order < pattern.order)) pattern = p;
  }
  if (!pattern) return;
  let k = m - 1;
  while (k >= 0 && view.pos(k) === 'ADV') k--;
  const subject = view.phraseLeft(k);
  if (!subject || subject.mentions.length === 0) return;
  // "X said Y must ...", "Y must ..., X said", "Y Must ...: X"
  const speaker = view.speakerBefore(subject.start) ?? view.speakerAfter(m + 1) ?? view.trailingColonSpeaker();
  if (!speaker) return;
  if (view.question) return refuse(out, view, m, pattern, 'code:question', 'the sentence is a question');
  const before = subject.start > 0 ? view.norm(subject.start - 1) : '';
  if (before === 'if' || before === 'whether' || before === 'unless') {
    return refuse(out, view, m, pattern, 'code:hypothetical', `'${view.surface(m)}' is in a '${before}' clause`);
  }
  if (view.lemma(m) === 'be' && (view.norm(m + 1) === 'not' || view.norm(m + 1) === "n't" || view.norm(m + 1) === 'never')) {
    return refuse(out, view, m, pattern, 'code:negated', `'${view.surface(m)}' is negated`);
  }
  emit(out, view, m, pattern, { modality: 'asserted' }, speaker.mentions, subject.mentions, false, 'active', cameo);
}

/** A plural noun's singular (wink leaves capitalised nouns unlemmatised: "Talks between ..."). */
export function singular(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** The index where the clause of token `i` ends (exclusive). */
function clauseEnd(view: SentenceView, i: number): number {
  for (let k = i + 1; k < view.length; k++) {
    const n = view.norm(k);
    if (n === ';' || n === ':' || n === '"' || n === '—' || n === '–' || n === '--') return k;
    if (view.isClauseBreak(k) && n !== 'as' && n !== 'after' && n !== 'before' && n !== 'since') return k;
  }
  return view.length;
}

/** How far `requires` words are looked for after a verb: its complement, up to a strong break. */
function requiresEnd(view: SentenceView, v: number): number {
  const lim = Math.min(view.length, v + 25);
  for (let k = v + 1; k < lim; k++) {
    const n = view.norm(k);
    if (n === ';' || n === ':' || n === '"' || n === '—' || n === '–' || n === '--') return k;
  }
  return lim;
}

function hasWord(view: SentenceView, from: number, to: number, words: string[]): boolean {
  for (let k = Math.max(0, from); k < Math.min(to, view.length); k++) {
    if (words.includes(view.lemma(k)) || words.includes(view.norm(k)) || words.includes(singular(view.norm(k)))) return true;
  }
  return false;
}

/** A verb negated between `from` and `to` ("was not a puppet", "never spied"; not "Bush, not Kim"). */
function negatedVerbIn(view: SentenceView, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < Math.min(to, view.length); k++) {
    const w = view.norm(k);
    if (w !== 'not' && w !== "n't" && w !== 'never') continue;
    const before = view.pos(k - 1);
    if (before === 'AUX' || before === 'VERB' || view.isVerb(k + 1) || view.pos(k + 1) === 'VERB' || view.pos(k + 1) === 'AUX') return true;
  }
  return false;
}

/** Object words that a plural nationality ("Eritreans", "Afghans") satisfies: it names people. */
const PEOPLE_WORDS = new Set(['people', 'national', 'citizen', 'civilian', 'migrant', 'refugee', 'resident', 'man', 'woman']);

function phraseHasNoun(view: SentenceView, np: NounPhrase | undefined, nouns: string[]): boolean {
  if (!np) return false;
  for (let k = np.start; k < np.end; k++) {
    if (nouns.includes(view.lemma(k)) || nouns.includes(view.norm(k)) || nouns.includes(singular(view.norm(k)))) return true;
  }
  // "deported Eritreans": a plural nationality names people; so does a member of a body or group
  // ("deported the Algerian militant", "expelled the Syrian cleric"), not a named person
  if (nouns.some((w) => PEOPLE_WORDS.has(w))) {
    for (const m of np.mentions) if (m.resolvedBy === 'demonym' && /[a-z]s$/.test(m.text) && m.sector === null) return true;
    const head = np.mentions[np.mentions.length - 1];
    let last = np.end - 1;
    while (last > np.start && view.pos(last) === 'PUNCT') last--;
    if (head && head.person === null && head.sector !== null && view.mentionAt[last] === head) return true;
  }
  return false;
}

interface VerbMatch {
  pattern: Pattern;
  /** Token after the verb and its particle, where objects and prepositions are searched. */
  after: number;
  object?: NounPhrase;
}

/** The verb patterns whose constraints hold at token `v`, most specific first. */
function verbPatterns(view: SentenceView, v: number, lexicon: Lexicon, passive: boolean, subject: NounPhrase | undefined): VerbMatch[] {
  const found: VerbMatch[] = [];
  const end = clauseEnd(view, v);
  const reach = requiresEnd(view, v);
  const seen = new Set<Pattern>();
  for (const { lemma } of view.verbLemmas(v)) {
    for (const p of lexicon.byVerb.get(lemma) ?? []) {
      if (seen.has(p) || p.frame === 'reported') continue;
      seen.add(p);
      // "Blair flew to Sudan" is a visit; "troops flew to Sudan" is not
      if (p.sourceSector && (passive || !subject?.mentions.length || !subject.mentions.every((m) => m.sector !== null && p.sourceSector!.includes(m.sector)))) continue;
      let after = v + 1;
      if (p.particle) {
        if (p.particle.includes(view.norm(after))) after++;
        else {
          // particle after the object: "called the talks off"
          const np = view.objectAfter(after);
          if (!np || !p.particle.includes(view.norm(np.end))) continue;
        }
      } else if (view.norm(after) === 'up' && COMPLETIVE_UP.has(lemma)) {
        // "beat up detainees", "locked up dissidents": a completive "up" leaves the act as it is
        after++;
      } else if (view.norm(after) === 'off' && p.object && COMPLETIVE_OFF.has(lemma)) {
        // "broke off relations with X", "cut off aid to X": a completive "off" leaves the act as it is
        after++;
      } else if (['up', 'out', 'off', 'down'].includes(view.norm(after)) && !p.target.some((t) => t.kind === 'prep' && t.prep === view.norm(after)) && !view.quantityAt(after)) {
        // a particle the pattern does not ask for changes the verb ("break up", "works out a plan")
        continue;
      }
      // "handed over medical supplies": an unasked particle before the object is skipped
      let objStart = after;
      if (!p.particle && LOOSE_PARTICLES.has(view.norm(after)) && !p.target.some((t) => t.kind === 'prep' && t.prep === view.norm(after))) objStart++;
      let object = passive ? subject : view.objectAfter(objStart);
      // a heavy object after the target phrase: "handed over to Britain two suspects"
      if (!passive && p.object && !phraseHasNoun(view, object, p.object) && p.target.some((t) => t.kind === 'prep' && t.prep === view.norm(objStart))) {
        const pp = view.prepPhrase(objStart, view.norm(objStart), 1);
        if (pp && pp.mentions.length > 0) {
          // (the phrase may run on into the object: "to Britain two suspects")
          const last = pp.mentions[pp.mentions.length - 1];
          let after = pp.start;
          while (after < view.length && view.tokens[after].start < last.end) after++;
          const shifted = view.objectAfter(after);
          if (shifted && phraseHasNoun(view, shifted, p.object)) object = shifted;
        }
      }
      if (p.object && !phraseHasNoun(view, object, p.object)) continue;
      // a statement's words may come before its verb ("Y was spying, X said")
      const from = p.target.some((t) => t.kind === 'about') ? 0 : v + 1;
      if (p.requires && !hasWord(view, from, reach, p.requires)) continue;
      if (p.unless && unlessHolds(view, v, end, p, passive ? undefined : object)) continue;
      // a judgement a fallback reads from the reported words is void when they are negated ("was not a puppet")
      if (p.fallback && p.requires && negatedVerbIn(view, from, reach)) continue;
      found.push({ pattern: p, after, object });
    }
  }
  return found.sort((a, b) => b.pattern.specificity - a.pattern.specificity || a.pattern.order - b.pattern.order);
}

/** Prepositions of place and time that open an adjunct after the object ("hosted X | in a summit"). */
const SETTING_PREPS = new Set(['in', 'at', 'during', 'on']);

/**
 * Whether one of the pattern's `unless` words occurs in the clause after the verb at `v`. When the
 * object the pattern targets names an actor, a word in an adjunct of place or time after it does not
 * count ("to host French and German leaders at a Madrid summit" is a host; "hosted a summit" is not).
 */
function unlessHolds(view: SentenceView, v: number, end: number, p: Pattern, object: NounPhrase | undefined): boolean {
  const words = p.unless!;
  const actorObject = p.target[0]?.kind === 'object' && object !== undefined && object.mentions.length > 0;
  for (let k = v + 1; k < Math.min(end, view.length); k++) {
    if (!(words.includes(view.lemma(k)) || words.includes(view.norm(k)) || words.includes(singular(view.norm(k))))) continue;
    if (!actorObject || k < object!.end) return true;
    // the adjunct the word sits in opens with the first preposition after the object ("in a sweep
    // of the Hebron area": the "in" of a setting, not the "of" inside it); a verb between ends it
    let j = object!.end;
    while (j < k && view.pos(j) !== 'ADP' && !view.isVerb(j)) j++;
    let verbBetween = false;
    for (let q = j; q < k; q++) if (view.isVerb(q)) verbBetween = true;
    if (!(j < k && view.pos(j) === 'ADP' && SETTING_PREPS.has(view.norm(j)) && !verbBetween)) return true;
  }
  return false;
}

/** Prepositions after which a bare participle of a violent act reads as passive ("killed in Gaza"). */
const PASSIVE_PREPS = new Set(['in', 'near', 'during', 'outside', 'inside', 'after', 'while', 'since', 'across', 'throughout', 'for', 'amid', 'when', 'as', 'following']);

/** A participle with no object before a place, time or the end of its clause ("killed in Gaza", "wounded."). */
function reducedPassive(view: SentenceView, v: number, g: { start: number }): boolean {
  const n = view.norm(v);
  if (!view.isParticiple(v) || /ing$/.test(n) || n === view.lemma(v)) return false;
  if (g.start > 0 && (view.pos(g.start - 1) === 'AUX' || view.lemma(g.start - 1) === 'have')) return false;
  let k = v + 1;
  while (k < view.length && view.pos(k) === 'ADV') k++;
  const next = view.norm(k);
  return k >= view.length || PASSIVE_PREPS.has(next) || next === '.' || next === ',' || next === ';';
}

/** The token is a lexicon verb of force or coercion (roots 17-20) only. */
function forceVerb(view: SentenceView, v: number, lexicon: Lexicon, cameo: CameoTable): boolean {
  let any = false;
  for (const { lemma } of view.verbLemmas(v)) {
    for (const p of lexicon.byVerb.get(lemma) ?? []) {
      if (Number(cameo.root(p.code)) < 17) return false;
      any = true;
    }
  }
  return any;
}

/** Roots of verbal acts, whose object may be another act with its agent ("praised the decision by X"). */
const VERBAL_ROOTS = new Set(['01', '02', '03', '05', '09', '10', '11', '12', '13', '14']);

/** The pattern codes a verbal act (a meeting, an attack or an arrest takes the actor itself as object). */
function verbalAct(p: Pattern): boolean {
  return VERBAL_ROOTS.has(p.code.slice(0, 2));
}

/** A verb right after "to" (in a headline, any capitalised non-actor word: "Asks Laos to Check"). */
function infinitiveAt(view: SentenceView, k: number): boolean {
  if (view.isVerb(k) || view.pos(k) === 'AUX') return true;
  return view.headline && (view.pos(k) === 'PROPN' || view.pos(k) === 'NOUN') && !view.mentionAt[k] && /^[A-Z]/.test(view.surface(k));
}

/** The target phrase of a pattern in the active voice: the first slot that names an actor. */
function activeTarget(view: SentenceView, m: VerbMatch, subject?: NounPhrase): { np?: NounPhrase; reciprocal: boolean; oneWay?: boolean } {
  const { pattern } = m;
  const own = new Set((subject?.mentions ?? []).map((s) => s.country));
  for (const slot of pattern.target) {
    const np =
      slot.kind === 'object'
        ? verbalAct(pattern) ? view.agentOf(m.object) : m.object
        : slot.kind === 'prep'
          ? view.prepPhrase(m.after, slot.prep)
          : slot.kind === 'complement'
            ? view.complementObject(m.after)
            : slot.kind === 'about'
              ? view.complementSubject(m.after) ?? (subject ? view.reportedBefore(m.after - 1, subject.start) : undefined)
              : slot.kind === 'claim'
                ? view.claimSubject(m.object)
            : undefined;
    if (!np) continue;
    if (np.reciprocal) return { reciprocal: true };
    // "fired shells at targets in Jericho", "shelled positions near X": an armed act's target named by
    // a place after a plain noun
    if (np.mentions.length === 0 && slot.kind === 'prep' && Number(pattern.code.slice(0, 2)) >= 18 && ['in', 'near', 'inside', 'along'].includes(view.norm(np.end))) {
      const place = view.phraseRight(np.end + 1);
      if (place && place.mentions.length > 0 && !place.mentions.every((x) => own.has(x.country))) return { np: place, reciprocal: false };
    }
    if (np.mentions.length === 0) continue;
    // a judgement read from the reported words must be said of that actor, near it ("Y's agents were spying")
    if (slot.kind === 'about' && pattern.requires && !hasWord(view, np.start - 4, np.end + 8, pattern.requires)) continue;
    // a slot that only names the source itself ("warned it would ...") gives way to the next one
    if (own.size && np.mentions.every((x) => own.has(x.country)) && slot !== pattern.target[pattern.target.length - 1]) continue;
    if (pattern.followedBy) {
      const next = view.norm(np.end);
      if (next !== pattern.followedBy) continue;
      if (pattern.followedBy === 'to' && !infinitiveAt(view, np.end + 1)) continue;
    }
    return { np, reciprocal: false };
  }
  // "EU calls for calm after Ghana vows reprisals", "Panama recalled its envoy after Cuba threatened ...": a reaction with no target of its own is
  // directed at the actor of the event it follows
  // (one way only for a symmetric act of one actor: "Sudan agreed to the plan after Britain set a deadline")
  if (!pattern.fallback && !pattern.followedBy && (!pattern.symmetric || own.size === 1)) {
    const np = view.reactionTo(m.after);
    if (np && np.mentions.some((x) => !own.has(x.country))) return { np, reciprocal: false, oneWay: pattern.symmetric };
  }
  // "threatened to break relations unless the Kremlin withdrew": a conflictual act with no target of
  // its own is directed at the actor its condition is set to
  if (!pattern.fallback && !pattern.followedBy && Number(pattern.code.slice(0, 2)) >= 10) {
    const np = view.conditionSubject(m.after);
    if (np && np.mentions.some((x) => !own.has(x.country))) return { np, reciprocal: false, oneWay: true };
  }
  // "Sudan agreed to the plan after Britain set a deadline": an act in an "after" clause with no target
  // of its own is directed at the subject of the clause it follows (one way only: "agreed" is no talk)
  if (!pattern.fallback && !pattern.followedBy && subject) {
    const np = view.reactedBy(subject.start);
    if (np && np.mentions.some((x) => !own.has(x.country))) return { np, reciprocal: false, oneWay: true };
  }
  return { reciprocal: false };
}

/** Subject of the clause of a verb group, following infinitives up to their governor. */
function subjectOf(view: SentenceView, groupStart: number, governor: number | undefined, controller: NounPhrase | undefined, depth = 0): NounPhrase | undefined {
  if (governor !== undefined && depth < 4) {
    const g = view.verbGroup(view.hostOf(governor));
    if (g.infinitive) return subjectOf(view, g.start, g.governor, g.controller, depth + 1);
    return view.subjectBefore(g.start);
  }
  if (controller) return controller;
  return view.subjectBefore(groupStart);
}

/** Resolve an actor-less "he"/"his country" subject to the speaker of a preceding "X said". */
function withSpeaker(view: SentenceView, np: NounPhrase | undefined): NounPhrase | undefined {
  if (np && np.mentions.length === 0 && (np.pronoun || np.selfReference)) return view.speakerBefore(np.start) ?? view.speakerAfter(np.end) ?? np;
  return np;
}

function refuse(out: SentenceResult, view: SentenceView, trigger: number, pattern: Pattern, ruleId: string, reason: string): void {
  out.refusals.push({ sentence: view.index, trigger, pattern, ruleId, reason });
}

function matchVerb(view: SentenceView, v: number, lexicon: Lexicon, cameo: CameoTable, out: SentenceResult): void {
  const g = view.verbGroup(v);
  // "-ing" forms are coded in progressive tenses ("is attacking"), as complements of a verb
  // ("began shelling") and in time adjuncts of a clause ("X said, after meeting Y, ..."), not as
  // free gerunds or participles ("a visiting envoy", "accused of attacking").
  let adjunctHost: number | undefined;
  if (view.isGerund(v) && !g.be && g.governor === undefined) {
    let p = v - 1;
    while (p >= 0 && view.pos(p) === 'ADV') p--;
    if (p < 0 || !GERUND_ADJUNCTS.has(view.norm(p))) return;
    adjunctHost = adjunctHostVerb(view, p);
    if (adjunctHost === undefined) return;
  }
  let passive = g.passive;
  // "Israel is opposed to X": an adjectival participle, active in sense
  if (passive && view.lemma(v) === 'oppose' && view.norm(v + 1) === 'to') passive = false;
  // Reduced passive: "Embassy Attacked by Militants", "civilians killed by troops".
  if (!passive && !g.be && !g.infinitive && view.isParticiple(v) && view.norm(v + 1) === 'by' && view.isNominal(v - 1)) passive = true;
  // Headline passive without an agent: "CIA Accused over Iraq Detainees", "Iran Warned on Nuclear Plan"
  if (!passive && view.headline && /ed$/.test(view.norm(v)) && view.pos(v + 1) === 'ADP' && !['to', 'with', 'by', 'up', 'out', 'off', 'down'].includes(view.norm(v + 1))) passive = true;
  // Reduced passive of a violent act without its agent: "British tourists killed in Jordan", "Three
  // soldiers wounded.": a participle with no object, before a place, time or the end, is passive
  if (!passive && !g.be && !g.infinitive && reducedPassive(view, v, g) && forceVerb(view, v, lexicon, cameo)) passive = true;
  const hostGroup = adjunctHost !== undefined ? view.verbGroup(adjunctHost) : undefined;
  const subject = hostGroup
    ? withSpeaker(view, subjectOf(view, hostGroup.start, hostGroup.governor, hostGroup.controller))
    : withSpeaker(view, subjectOf(view, g.start, g.governor, g.controller));
  const all = verbPatterns(view, v, lexicon, passive, subject);
  if (all.length === 0) return;
  // The most specific pattern that finds a target; else the most specific (for the diagnostics).
  let m = all[0];
  let found: { np?: NounPhrase; reciprocal: boolean; oneWay?: boolean } = { reciprocal: false };
  if (!passive) {
    for (const cand of all) {
      const t = activeTarget(view, cand, subject);
      if (t.np || t.reciprocal) {
        m = cand;
        found = t;
        break;
      }
    }
    if (!found.np && !found.reciprocal && all[0].pattern.followedBy) return; // "call" without "on X to": another sense
  }
  const { pattern } = m;
  if (passive && !pattern.passive) return;
  const a = hostGroup ? assessTrigger(view, adjunctHost!, hostGroup) : assessTrigger(view, v, g);
  if (a.ruleId) return refuse(out, view, v, pattern, a.ruleId, a.reason ?? '');

  let sources: Mention[];
  let targets: Mention[] = [];
  let reciprocal = false;
  if (passive) {
    const by = view.prepPhrase(v + 1, 'by', 6);
    sources = by?.mentions ?? [];
    targets = subject?.mentions ?? [];
    if (targets.length === 0) {
      // "Sanctions were imposed on Iran by the UN": the target is in a prepositional slot.
      for (const slot of pattern.target) {
        if (slot.kind !== 'prep' || slot.prep === 'by') continue;
        const np = view.prepPhrase(v + 1, slot.prep, 8);
        if (np?.mentions.length) {
          targets = np.mentions;
          break;
        }
      }
    }
    if (sources.length === 0) return refuse(out, view, v, pattern, 'code:no-source', `passive '${view.surface(v)}' names no agent actor`);
  } else {
    sources = subject?.mentions ?? [];
    if (sources.length === 0) return refuse(out, view, v, pattern, 'code:no-source', `no actor is the subject of '${view.surface(v)}'`);
    reciprocal = found.reciprocal;
    targets = found.np?.mentions ?? [];
    // "US and Iraqi forces battle insurgents": a symmetric act on an object that names no actor is
    // not between the coordinated subjects
    if (targets.length === 0 && !reciprocal && sources.length >= 2 && pattern.symmetric && pattern.target.some((t) => t.kind === 'object') && otherParty(view, m.object, lexicon)) {
      return refuse(out, view, v, pattern, 'code:no-target', `the object of '${view.surface(v)}' names no actor`);
    }
    if (targets.length === 0 && !reciprocal && sources.length >= 2) {
      // "China and Iran expressed support on issues concerning each other's interests"
      const end = clauseEnd(view, v);
      for (let k = v + 1; k < end - 1; k++) {
        const w = view.norm(k);
        if ((w === 'each' && view.norm(k + 1) === 'other') || (w === 'one' && view.norm(k + 1) === 'another') || w === 'mutual' || w === 'bilateral') {
          reciprocal = true;
          break;
        }
      }
    }
  }
  emit(out, view, v, pattern, a, sources, targets, reciprocal, passive ? 'passive' : 'active', cameo, found.oneWay === true);
}

/**
 * The object names a party of people that is no actor ("battle insurgents", "met rebels"): a plain
 * plural noun, not a time ("met twice this week"), nor the act itself ("fought pitched battles").
 */
function otherParty(view: SentenceView, np: NounPhrase | undefined, lexicon: Lexicon): boolean {
  if (!np || np.reciprocal || np.pronoun || np.selfReference || np.mentions.length > 0) return false;
  const head = np.end - 1;
  const w = view.norm(head);
  if (view.pos(head) !== 'NOUN' || !/[a-z]s$/.test(w) || view.isTemporal(head)) return false;
  return !lexicon.byVerb.has(view.lemma(head)) && !lexicon.byNoun.has(view.lemma(head)) && !lexicon.byNoun.has(singular(w));
}

function matchNoun(view: SentenceView, n: number, lexicon: Lexicon, cameo: CameoTable, out: SentenceResult): void {
  const patterns = lexicon.byNoun.get(view.lemma(n)) ?? lexicon.byNoun.get(view.norm(n)) ?? lexicon.byNoun.get(singular(view.norm(n)));
  if (!patterns) return;
  // an "-ing" noun wink tagged as a verb ("the Armenian shelling of X") ends the phrase before it
  const before = view.isNominal(n) || n === 0 ? undefined : view.phraseLeft(n - 1);
  const left = view.isNominal(n) ? view.phraseLeft(n) : before && view.phrase(before.start, n + 1);
  const npStart = left?.start ?? n;
  let best: Pattern | undefined;
  for (const p of patterns) {
    if (p.requires && !hasWord(view, Math.max(npStart, n - 4), n + 2, p.requires)) continue;
    if (p.unless && hasWord(view, npStart, clauseEnd(view, n), p.unless)) continue;
    if (!best || p.specificity > best.specificity || (p.specificity === best.specificity && p.order < best.order)) best = p;
  }
  if (!best) return;
  const pattern = best;
  if (view.question) return refuse(out, view, n, pattern, 'code:question', 'the sentence is a question');
  // negation and hedges in the noun's own phrase, after its last preposition ("no progress in | X, Y talks")
  let ownStart = npStart;
  for (let k = n - 1; k > npStart; k--) {
    if (view.pos(k) === 'ADP' && !view.mentionAt[k]) {
      ownStart = k + 1;
      break;
    }
  }
  for (let k = ownStart; k < n; k++) {
    const w = view.norm(k);
    if (w === 'no') return refuse(out, view, n, pattern, 'code:negated', `'${view.surface(n)}' is negated`);
    if (NOUN_HYPOTHETICAL.has(w)) return refuse(out, view, n, pattern, 'code:hypothetical', `'${view.surface(k)} ${view.surface(n)}' did not happen`);
  }
  let future = false;
  for (let k = npStart; k < n; k++) if (NOUN_FUTURE.has(view.norm(k)) && view.norm(k) !== 'new') future = true;

  // "talks between A and B"
  const between = pattern.target.some((t) => t.kind === 'between') ? view.prepPhrase(n + 1, 'between', 3) : undefined;
  if (between && between.mentions.length >= 2) {
    const a: Assessment = future ? { modality: 'future' } : { modality: 'asserted' };
    emit(out, view, n, pattern, a, between.mentions, [], true, 'between', cameo);
    return;
  }
  const targetsOf = (): Mention[] => {
    for (const slot of pattern.target) {
      if (slot.kind !== 'prep') continue;
      const np = view.prepPhrase(n + 1, slot.prep, 8);
      if (np?.mentions.length) return np.mentions;
    }
    return [];
  };
  // headline grammar: "Israel, Egypt in Prisoner Swap", "India and Pakistan in talks": the actors listed
  // before "in" take part in a symmetric event
  let inAt = n - 1;
  while (inAt > 0 && !view.mentionAt[inAt] && view.norm(inAt) !== 'in' && view.isNominal(inAt)) inAt--;
  if (pattern.symmetric && inAt >= 2 && view.norm(inAt) === 'in') {
    let listed = true;
    for (let k = 0; k < inAt && listed; k++) listed = !!view.mentionAt[k] || view.norm(k) === ',' || view.norm(k) === 'and';
    const parties = listed ? view.mentionsIn(0, inAt) : [];
    if (new Set(parties.map((m) => m.country)).size >= 2) {
      const a: Assessment = future ? { modality: 'future' } : { modality: 'asserted' };
      emit(out, view, n, pattern, a, parties, [], true, 'between', cameo);
      return;
    }
  }
  // "India-Pakistan talks", "Iran-EU negotiations": two actors compounded before a symmetric noun
  if (pattern.symmetric && left) {
    let modStart = left.start;
    for (let k = n - 1; k >= left.start; k--) {
      if (view.pos(k) === 'ADP' && !view.mentionAt[k]) {
        modStart = k + 1;
        break;
      }
    }
    const mods = view.mentionsIn(modStart, n);
    const codes = new Set(mods.map((x) => x.country));
    if (codes.size >= 2 && mods.every((x) => view.norm(view.tokens.findIndex((t) => t.start >= x.end)) !== "'s")) {
      const a: Assessment = future ? { modality: 'future' } : { modality: 'asserted' };
      emit(out, view, n, pattern, a, mods, [], true, 'between', cameo);
      return;
    }
  }
  // "Putin's visit to Beijing": the possessor is the source.
  let possessors: Mention[] = [];
  for (let k = n - 1; k >= npStart && view.pos(k) !== 'ADP'; k--) {
    if ((view.norm(k) === "'s" || view.norm(k) === "'") && k > npStart) {
      const owner = view.phraseLeft(k - 1);
      if (owner) possessors = owner.mentions;
      break;
    }
  }
  if (possessors.length) {
    const a: Assessment = future ? { modality: 'future' } : { modality: 'asserted' };
    emit(out, view, n, pattern, a, possessors, targetsOf(), false, 'possessor', cameo);
    return;
  }
  // "Israel levelled new accusations against Syria", "the army launched an offensive on X": the object
  // of a support verb takes the verb's subject as its actor (unless the verb codes the act itself:
  // "held talks with X")
  const support = supportVerbBefore(view, npStart);
  if (support !== undefined && !pattern.source) {
    if (out.candidates.some((c) => c.trigger === support)) return;
    const g = view.verbGroup(support);
    const a = assessTrigger(view, support, g);
    if (a.ruleId) return refuse(out, view, n, pattern, a.ruleId, a.reason ?? '');
    const subject = withSpeaker(view, subjectOf(view, g.start, g.governor, g.controller));
    const sources = subject?.mentions ?? [];
    if (sources.length > 0) {
      const asserted: Assessment = future && a.modality === 'asserted' ? { modality: 'future' } : a;
      emit(out, view, n, pattern, asserted, sources, targetsOf(), false, 'object', cameo);
      return;
    }
  }
  // "the Israeli raid on Gaza", "a U.S. strike against X", "Russian criticism of NATO": an actor that
  // modifies the noun is its actor when the noun names its target and nothing makes it unasserted
  if (left && !pattern.symmetric && !pattern.source) {
    let modStart = left.start;
    for (let k = n - 1; k >= left.start; k--) {
      if (view.pos(k) === 'ADP' && !view.mentionAt[k]) {
        modStart = k + 1;
        break;
      }
    }
    const mods = view.phrase(modStart, n + 1).mentions.filter((m) => m.resolvedBy !== 'capital');
    if (new Set(mods.map((m) => m.country)).size === 1 && plainModifiers(view, mods[mods.length - 1], n)) {
      const targets = targetsOf();
      if (targets.length > 0) {
        const why = unassertedNoun(view, modStart);
        if (why) return refuse(out, view, n, pattern, 'code:hypothetical', why);
        if (future && cameo.quad(pattern.code) >= 3) {
          return refuse(out, view, n, pattern, 'code:hypothetical', `'${view.surface(n)}' is announced, not done`);
        }
        const a: Assessment = future ? { modality: 'future' } : { modality: 'asserted' };
        emit(out, view, n, pattern, a, mods, targets, false, 'modifier', cameo);
        return;
      }
    }
  }
  // "Protests in Canada over X": the people of the place the noun names are its source
  if (pattern.source && !(npStart > 0 && ADJUNCT_PREPS.has(view.norm(npStart - 1)))) {
    for (const slot of pattern.source) {
      if (slot.kind !== 'prep') continue;
      const np = view.prepPhrase(n + 1, slot.prep, 3);
      if (!np?.mentions.length) continue;
      const a: Assessment = future ? { modality: 'future' } : { modality: 'asserted' };
      const targets = targetsOf().filter((t) => !np.mentions.includes(t));
      emit(out, view, n, pattern, a, np.mentions, targets, false, 'location', cameo);
      return;
    }
  }
  // "In a phone conversation with X on Friday, Y said ...": the source is the subject of the host clause
  // (not for nouns whose pattern names its own source slot: "resigned in protest against X" is no rally)
  const prep = npStart - 1;
  // "Karzai set for visit to Pakistan", "the minister is due for talks with X": an act its actor is
  // ready for is announced
  // (the noun phrase may have taken "due for" in: "is due for talks")
  const forAt = ownStart > npStart ? ownStart - 1 : prep;
  if (!pattern.source && forAt >= 1 && view.norm(forAt) === 'for' && READY_WORDS.has(view.norm(forAt - 1))) {
    const g = view.verbGroup(forAt - 1);
    const a = assessTrigger(view, forAt - 1, { ...g, passive: false });
    if (a.ruleId) return refuse(out, view, n, pattern, a.ruleId, a.reason ?? '');
    const subject = withSpeaker(view, subjectOf(view, g.start, g.governor, g.controller));
    const sources = subject?.mentions ?? [];
    if (sources.length === 0) return refuse(out, view, n, pattern, 'code:no-source', `no actor is set for '${view.surface(n)}'`);
    emit(out, view, n, pattern, { modality: 'future' }, sources, targetsOf(), false, 'adjunct', cameo);
    return;
  }
  if (!pattern.source && prep >= 0 && ADJUNCT_PREPS.has(view.norm(prep)) && view.pos(prep) === 'ADP') {
    const host = hostVerb(view, prep, n);
    if (host === undefined) return;
    const g = view.verbGroup(host);
    // "Three soldiers killed in an attack on X": the subject of a passive host suffered the act
    if (g.passive || (!g.be && reducedPassive(view, host, g) && forceVerb(view, host, lexicon, cameo))) return;
    const a = assessTrigger(view, host, g);
    if (a.ruleId) return refuse(out, view, n, pattern, a.ruleId, a.reason ?? '');
    const subject = withSpeaker(view, subjectOf(view, g.start, g.governor, g.controller));
    const sources = subject?.mentions ?? [];
    if (sources.length === 0) return refuse(out, view, n, pattern, 'code:no-source', `no actor takes part in '${view.surface(n)}'`);
    const asserted: Assessment = future ? { modality: 'future' } : { modality: a.modality === 'future' ? 'future' : 'asserted' };
    emit(out, view, n, pattern, asserted, sources, targetsOf(), false, 'adjunct', cameo);
  }
}

/**
 * The support verb whose object starts at `npStart` ("launched | an attack", "stepped up | attacks",
 * "kicked off | a visit"),
 * also a headline form tagged as a noun after an actor ("Israel Levels | Accusations").
 */
function supportVerbBefore(view: SentenceView, npStart: number): number | undefined {
  let k = npStart - 1;
  // determiners and modifiers the noun phrase did not take in ("a fresh offensive", wink: fresh/ADV)
  while (k >= 0 && npStart - k <= 4 && (view.pos(k) === 'DET' || view.pos(k) === 'ADV' || view.pos(k) === 'ADJ') && !view.mentionAt[k]) k--;
  if (k >= 1 && (view.norm(k) === 'up' || view.norm(k) === 'out' || view.norm(k) === 'off')) k--;
  if (k < 0) return undefined;
  const forms = SUPPORT_VERBS.lookup(view.norm(k));
  if (forms.length === 0) return undefined;
  if (view.isVerb(k) || view.pos(k) === 'VERB') return view.isGerund(k) ? undefined : k;
  return undefined;
}

/**
 * The words between a modifying actor and its event noun are plain modifiers ("Israeli helicopter
 * raid"): no plural noun that may be a headline verb ("Kenya fears criticism of X"), unless it is a
 * support verb form ("Algeria levels accusations against X").
 */
function plainModifiers(view: SentenceView, m: Mention, n: number): boolean {
  for (let k = 0; k < n; k++) {
    if (view.tokens[k].start < m.end || view.mentionAt[k]) continue;
    const w = view.norm(k);
    if ((view.pos(k) === 'NOUN' || view.pos(k) === 'PROPN') && /[^s]s$/.test(w) && !SUPPORT_VERBS.lookup(w).some((f) => f.forms.has('s'))) return false;
    if (view.pos(k) === 'VERB' || view.pos(k) === 'AUX' || view.pos(k) === 'ADP') return false;
  }
  return true;
}

/**
 * Why an event noun whose phrase starts at `start` is not asserted: it is the object of a verb
 * such as "denied", "feared", "called for" ("denied an attack on X"), or follows "the threat of",
 * "calls for" ("the threat of a strike on X"). Undefined when nothing says so.
 */
function unassertedNoun(view: SentenceView, start: number): string | undefined {
  let k = start - 1;
  if (k >= 0 && (view.norm(k) === 'of' || view.norm(k) === 'for' || view.norm(k) === 'against' || view.norm(k) === 'to')) {
    const head = k - 1;
    if (head >= 0 && (UNASSERTING_NOUNS.has(view.lemma(head)) || UNASSERTING_NOUNS.has(singular(view.norm(head))))) {
      return `'${view.surface(head)} ${view.surface(k)}' leaves it unasserted`;
    }
    k = head;
  }
  while (k >= 0 && (view.pos(k) === 'ADV' || view.pos(k) === 'PART' || view.norm(k) === 'up' || view.norm(k) === 'out')) k--;
  if (k >= 0 && (view.isVerb(k) || view.pos(k) === 'VERB')) {
    if (UNASSERTING_VERBS.has(view.lemma(k))) return `the object of '${view.surface(k)}' is not asserted`;
    const g = view.verbGroup(k);
    if (g.negated || (g.modal && g.modal !== 'will')) return `'${view.surface(k)}' is negated or hedged`;
  }
  return undefined;
}

/** The finite verb an adjunct phrase starting at `prep` belongs to: the verb before it, else after its comma. */
function hostVerb(view: SentenceView, prep: number, noun: number): number | undefined {
  for (let k = prep - 1; k >= 0; k--) {
    if (view.isClauseBreak(k) || view.norm(k) === ',') break;
    if (view.isGerund(k) && view.isVerb(k)) return undefined; // "offer of mediating in talks with X"
    if (view.isVerb(k)) return k;
  }
  let k = noun + 1;
  while (k < view.length && view.norm(k) !== ',' && !view.isClauseBreak(k)) k++;
  if (view.norm(k) !== ',') return undefined;
  for (k = k + 1; k < view.length; k++) {
    if (view.isClauseBreak(k)) return undefined;
    if (view.isVerb(k) && !view.isGerund(k)) return k;
  }
  return undefined;
}

/**
 * Whether a target is presented as acting (a person, a government, an organisation), not only as
 * a place: "visited the Iranian president" makes Iran a host (043), "visited Brazil" does not.
 */
function presentedAsActor(view: SentenceView, m: Mention): boolean {
  if (m.person) return true;
  if (m.resolvedBy === 'capital') return false;
  if (m.sector) return true;
  // a name that modifies a person or body ("the Afghan delegation", "Iran's president")
  let k = view.tokens.findIndex((t) => t.start >= m.end);
  if (k < 0) return false;
  if (view.norm(k) === "'s" || view.norm(k) === "'") return true;
  return (view.pos(k) === 'NOUN' || view.pos(k) === 'PROPN') && !view.mentionAt[k];
}

/**
 * The clause a gerund time adjunct ("after rejecting X") belongs to: the nearest finite verb
 * before it (commas allowed), or, for a fronted adjunct, the first finite verb after its comma.
 */
function adjunctHostVerb(view: SentenceView, prep: number): number | undefined {
  for (let k = prep - 1; k >= 0; k--) {
    const n = view.norm(k);
    if (n === ';' || n === ':' || (view.isClauseBreak(k) && n !== 'as')) break;
    if (view.isVerb(k) && !view.isGerund(k)) return k;
  }
  let k = prep + 1;
  while (k < view.length && view.norm(k) !== ',' && !view.isClauseBreak(k)) k++;
  if (view.norm(k) !== ',') return undefined;
  for (k = k + 1; k < view.length; k++) {
    if (view.isClauseBreak(k)) return undefined;
    if (view.isVerb(k) && !view.isGerund(k)) return k;
  }
  return undefined;
}

/** A plural nationality with no sector ("Eritreans", "Afghans"): the people, not a government. */
function peopleAtLarge(m: Mention): boolean {
  return m.resolvedBy === 'demonym' && m.sector === null && m.person === null && /[a-z]s$/.test(m.text);
}

/** Deduplicate mentions by actor code (keeping the first), dropping those without a code. */
function byActor(ms: Mention[]): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const m of ms) {
    if (!m.country || seen.has(m.country)) continue;
    seen.add(m.country);
    out.push(m);
  }
  return out;
}

function emit(
  out: SentenceResult,
  view: SentenceView,
  trigger: number,
  pattern: Pattern,
  a: Assessment,
  rawSources: Mention[],
  rawTargets: Mention[],
  reciprocal: boolean,
  frame: Frame,
  cameo: CameoTable,
  oneWay = false,
): void {
  // a people at large ("Eritreans arrived in Khartoum") makes no visit
  const visit = pattern.code === '042' || pattern.code === '043';
  const sources = byActor(visit ? rawSources.filter((m) => !peopleAtLarge(m)) : rawSources);
  const targets = byActor(rawTargets);
  if (sources.length === 0) return refuse(out, view, trigger, pattern, 'code:no-source', 'the source actor has no actor code');
  let code = pattern.code;
  const future = a.modality === 'future' || a.modality === 'refused' || a.modality === 'attempted';
  if (a.modality === 'future') {
    const fc = futureCode(pattern, code, cameo, a.threat === true);
    if (!fc) return refuse(out, view, trigger, pattern, 'code:future-dropped', `'${view.surface(trigger)}' is announced, not done, and ${code} has no intent form`);
    // "will withdraw its force from X unless X holds elections": a concession made conditional on the
    // other party is a threat (130), not an intent to yield
    code = cameo.root(code) === '08' && hasWord(view, trigger + 1, view.length, ['unless']) ? '130' : fc;
  } else if (a.modality === 'refused') {
    const rc = refusedCode(code, cameo);
    if (!rc) return refuse(out, view, trigger, pattern, 'code:negated', `'${view.surface(trigger)}' is refused, and ${code} has no rejection form`);
    code = rc;
  } else if (a.modality === 'attempted') {
    const ac = attemptedCode(code);
    if (!ac) return refuse(out, view, trigger, pattern, 'code:hypothetical', `'${view.surface(trigger)}' is only attempted`);
    code = ac;
  }
  // armed groups have no air force: their bombings are unconventional violence (the pattern's `nonState`)
  const codeFor = (s: Mention): string => (pattern.nonState && code === pattern.code && s.sector !== null && NON_STATE.has(s.sector) ? pattern.nonState : code);
  const modality: Candidate['modality'] = a.modality === 'refused' || a.modality === 'attempted' || a.modality === 'future' ? a.modality : 'asserted';
  const base = { sentence: view.index, trigger, pattern, modality, frame };
  const pairSymmetric = pattern.symmetric || frame === 'between';
  if (targets.length === 0) {
    if ((reciprocal || pattern.symmetric || frame === 'between') && sources.length >= 2) {
      for (const s of sources) {
        for (const t of sources) {
          if (s !== t) out.candidates.push({ ...base, code: codeFor(s), source: s, target: t, derived: 'reciprocal' });
        }
      }
      return;
    }
    return refuse(out, view, trigger, pattern, 'code:no-target', `'${view.surface(trigger)}' has no target actor`);
  }
  let same = false;
  for (const s of sources) {
    for (const t of targets) {
      if (s.country === t.country) {
        same = true;
        continue;
      }
      out.candidates.push({ ...base, code: codeFor(s), source: s, target: t, derived: 'direct' });
      if (future || oneWay) continue;
      // unarmed people ("troops clashed with protesters") do not use force back
      const unarmed = t.sector !== null && UNARMED.has(t.sector) && (cameo.root(code) === '19' || cameo.root(code) === '18');
      if (pairSymmetric && !unarmed) out.candidates.push({ ...base, code: codeFor(t), source: t, target: s, derived: 'reverse' });
      else if (pattern.reverse && presentedAsActor(view, t)) out.candidates.push({ ...base, code: pattern.reverse, source: t, target: s, derived: 'reverse' });
    }
  }
  if (same && !out.candidates.some((c) => c.trigger === trigger && c.sentence === view.index)) {
    refuse(out, view, trigger, pattern, 'code:same-actor', 'source and target are the same actor');
  }
}
