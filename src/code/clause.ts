/**
 * Clause analysis over wink-nlp tokens and POS tags (no parser): for a trigger word, find its
 * subject noun phrase, its object, the noun phrase after a given preposition, its verb group
 * (auxiliaries, modals, negators, adverbs) and an infinitive's governing word. Actor mentions are
 * read from `doc.layers.mentions`; a noun phrase's actors are the mentions in its head (before its
 * first preposition), or, for "the leaders of X and Y", the mentions after "of".
 *
 * Every index here is a token index local to the sentence (0 = the sentence's first token).
 */
import type { Doc, Mention, Token } from '../doc.js';
import type { FormIndex, VerbForm } from './inflect.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const MODALS = new Set(['will', 'would', 'shall', 'should', 'could', 'can', 'may', 'might', 'must', "'ll", "'d", 'wo', 'ca']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", 'get', 'got', 'gets', 'getting']);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve"]);
const DO = new Set(['do', 'does', 'did']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'that']);
/** Comparatives that open a noun phrase after a verb ("seeks closer ties", "wants more talks"). */
const COMPARATIVES = new Set(['more', 'fewer', 'less', 'better', 'closer', 'stronger', 'deeper', 'broader', 'wider', 'greater', 'warmer', 'tighter', 'tougher', 'harsher', 'further']);

/** Prepositions that may sit inside a subject or object noun phrase ("the ambassador of X to Y"). */
const NP_PREPS = new Set(['of', 'for', 'to', 'in', 'from', 'at']);
const CLAUSE_BREAKS = new Set([
  ';',
  ':',
  '—',
  '–',
  '--',
  '"',
  'because',
  'although',
  'though',
  'while',
  'whereas',
  'if',
  'unless',
  'but',
  'who',
  'which',
  'whom',
  'whose',
  'where',
  'when',
  'after',
  'before',
  'since',
  'as',
  'until',
]);
/** Nouns that stand for "the state" when possessed by a pronoun ("his country firmly follows ..."). */
const SELF_NOUNS = new Set(['country', 'government', 'nation', 'side', 'administration', 'state', 'people', 'ministry', 'military', 'army', 'forces']);
export const SPEECH_VERBS = new Set([
  'say',
  'threaten',
  'tell',
  'add',
  'state',
  'stress',
  'note',
  'announce',
  'declare',
  'insist',
  'claim',
  'report',
  'warn',
  'reiterate',
  'emphasize',
  'emphasise',
  'affirm',
  'assert',
  'confirm',
  'explain',
  'write',
  'believe',
  'think',
  'argue',
  'maintain',
]);

const TEMPORAL_NOUNS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'overnight',
  'weekend',
  'morning',
  'afternoon',
  'evening',
  'night',
  'week',
  'month',
  'year',
  'recently',
  'earlier',
  'later',
  'again',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan.',
  'feb.',
  'aug.',
  'sept.',
  'sep.',
  'oct.',
  'nov.',
  'dec.',
]);
/** Second halves of compounds that make a name a modifier: "U.S.-led", "Syrian-backed". */
const MODIFIER_SUFFIXES = new Set(['backed', 'led', 'based', 'born', 'made', 'funded', 'supported', 'sponsored', 'allied', 'friendly', 'brokered', 'owned', 'run', 'controlled', 'held', 'installed', 'trained', 'armed']);

/** People nouns whose "at"/"from" phrase names whom they act for ("delegates at the X conference"). */
const PEOPLE_NOUNS = new Set(['delegate', 'official', 'representative', 'envoy', 'diplomat', 'negotiator', 'lawmaker', 'legislator', 'minister', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'member', 'participant', 'expert', 'inspector', 'observer', 'monitor', 'investigator', 'senator', 'deputy', 'mp', 'aide', 'adviser', 'advisor']);

function singularOf(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Words that open an embedded clause inside a verb phrase ("explain how it subsidizes"). */
const EMBEDDING = new Set(['how', 'what', 'why', 'whether', 'where', 'when']);

/** Two-word quantity phrases before a number ("up to 600"). */
const QUANTIFIERS = new Set(['up to', 'at least', 'more than', 'fewer than', 'less than', 'as many', 'over a', 'close to']);

/** Verbs followed by a bare infinitive ("help rebuild", "let ... go"). */
const BARE_GOVERNORS = new Set(['help']);
const TEMPORAL_MODIFIERS = new Set(['on', 'last', 'this', 'next', 'early', 'late', 'earlier', 'later', 'in', 'during', 'the', 'same', 'previous', 'past']);

/** Adjectives that govern an infinitive, whatever wink tags them ("ready to talk", headline "Ready to Talk"). */
const GOVERNING_ADJECTIVES = new Set(['about', 'ready', 'willing', 'prepared', 'set', 'due', 'eager', 'poised', 'keen', 'determined', 'able', 'unable', 'likely', 'unlikely', 'unwilling', 'reluctant']);

/** Nouns that govern an infinitive like a verb ("expressed readiness to cooperate"). */
export const GOVERNING_NOUNS = new Set([
  'willingness',
  'readiness',
  'desire',
  'intention',
  'intent',
  'plan',
  'commitment',
  'determination',
  'decision',
  'offer',
  'pledge',
  'promise',
  'invitation',
  'agreement',
  'threat',
  'attempt',
  'bid',
  'effort',
  'proposal',
  'call',
  'appeal',
  'demand',
  'request',
  'refusal',
  'vow',
  'preparation',
]);

/** A noun phrase found by the analysis: its token range and the actors in it. */
export interface NounPhrase {
  start: number;
  /** One past the last token. */
  end: number;
  /** The actors the phrase stands for (coordinated actors give several). */
  mentions: Mention[];
  /** "each other", "one another": the actors of the clause act on each other. */
  reciprocal: boolean;
  /** A personal pronoun with no resolved mention ("he", "they"). */
  pronoun: boolean;
  /** "his country", "its government" with no resolved mention. */
  selfReference: boolean;
}

/** What stands between the subject and the trigger verb. */
export interface VerbGroup {
  /** First token of the verb group (the token after the subject). */
  start: number;
  negated: boolean;
  /** The modal, lower case ("will", "could", ...), if any. */
  modal?: string;
  /** A form of "be"/"get" before a past participle: passive voice. */
  passive: boolean;
  /** A form of "be" before the trigger ("is visiting", "was attacked"). */
  be: boolean;
  /** The trigger is an infinitive ("to visit"). */
  infinitive: boolean;
  /** For an infinitive: the governing word ("agreed" in "agreed to visit"), if any. */
  governor?: number;
  /** For an infinitive: a noun phrase right before "to" ("urged Iran to", "Bush to visit"). */
  controller?: NounPhrase;
}

/** A read-only view of one sentence with its tokens and actor mentions. */
/** Words opening a clause whose subject a reaction is directed at, and words that end the search. */
const REACTION_OPENERS = new Set(['after', 'following']);
const REACTION_STOPS = new Set([';', ':', '"', 'but', 'while', 'because', 'although', 'if', 'which', 'who', 'whose', 'where', 'when']);
/** Words opening a condition whose subject a threat is directed at, and words that end the search. */
const CONDITION_OPENERS = new Set(['unless', 'if']);
const CONDITION_STOPS = new Set([';', ':', '"', 'but', 'while', 'because', 'although', 'which', 'who', 'after']);

export class SentenceView {
  readonly doc: Doc;
  readonly index: number;
  readonly tokens: Token[];
  readonly mentions: Mention[];
  /** The mention each token belongs to, if any. */
  readonly mentionAt: (Mention | undefined)[];
  /** Title-case sentence (a headline): verbs are often tagged as proper nouns. */
  readonly headline: boolean;
  readonly question: boolean;
  private readonly forms: FormIndex;
  private readonly surfaces: string[];
  /** Tokens wink tagged as nouns that are verbs here (headline verbs, "Israel strikes Gaza"). */
  private readonly promoted: boolean[];

  /** Event nouns of the lexicon ("talks", "visit"): never promoted to verbs before another noun. */
  private readonly eventNouns: ReadonlySet<string>;
  /** Tokens whose wink tag the analysis corrects ("closer/ADV ties/VERB" → ADJ NOUN). */
  private readonly retagged: Map<number, string>;

  constructor(doc: Doc, index: number, forms: FormIndex, mentions?: Mention[], eventNouns: ReadonlySet<string> = new Set()) {
    this.eventNouns = eventNouns;
    const s = doc.layers.sentences[index];
    this.doc = doc;
    this.index = index;
    this.forms = forms;
    this.tokens = doc.layers.tokens.slice(s.tokenStart, s.tokenEnd);
    this.surfaces = this.tokens.map((t) => doc.text.slice(t.start, t.end));
    this.mentions = (mentions ?? doc.layers.mentions.filter((m) => m.sentence === index))
      .filter((m) => m.start < s.end && m.end > s.start)
      .sort((a, b) => a.start - b.start);
    this.mentionAt = new Array(this.tokens.length);
    let k = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      while (k < this.mentions.length && this.mentions[k].end <= t.start) k++;
      for (let j = k; j < this.mentions.length && this.mentions[j].start < t.end; j++) {
        const m = this.mentions[j];
        if (m.end > t.start && (!this.mentionAt[i] || m.end - m.start > this.mentionAt[i]!.end - this.mentionAt[i]!.start)) {
          this.mentionAt[i] = m;
        }
      }
    }
    this.headline = isTitleCase(this.surfaces);
    this.retagged = this.retagNouns();
    this.promoted = this.promoteVerbs();
    const last = this.tokens.length ? this.surfaces[this.tokens.length - 1] : '';
    this.question = last === '?' || (this.headline && this.surfaces.includes('?'));
  }

  get length(): number {
    return this.tokens.length;
  }

  surface(i: number): string {
    return this.surfaces[i] ?? '';
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  lemma(i: number): string {
    return this.tokens[i]?.lemma ?? '';
  }

  pos(i: number): string {
    return this.retagged?.get(i) ?? this.tokens[i]?.pos ?? '';
  }

  /**
   * "seeks closer ties with X": wink reads a comparative after a verb as an adverb and the plural
   * noun after it as a second verb; the comparative is the noun's adjective and the "-s" word its
   * head noun. Likewise "rejected calls by X": an "-s" form between a finite verb and a preposition
   * is a plural noun.
   */
  private retagNouns(): Map<number, string> {
    const out = new Map<number, string>();
    for (let i = 2; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      const c = this.norm(i - 1);
      if (t.pos !== 'VERB' || !/[^s]s$/.test(this.norm(i)) || this.mentionAt[i]) continue;
      // "rejected calls by X", "denied attacks on X": an "-s" form right after a finite verb and
      // before a preposition is the verb's plural object
      if (this.tokens[i - 1].pos === 'VERB' && !this.mentionAt[i - 1] && this.norm(i - 2) !== 'to' && this.tokens[i + 1]?.pos === 'ADP' && this.norm(i + 1) !== 'to') {
        out.set(i, 'NOUN');
        continue;
      }
      if (!(this.tokens[i - 1].pos === 'ADV' || this.tokens[i - 1].pos === 'ADJ') || !COMPARATIVES.has(c)) continue;
      if (this.tokens[i - 2].pos !== 'VERB' && this.tokens[i - 2].pos !== 'AUX') continue;
      out.set(i - 1, 'ADJ');
      out.set(i, 'NOUN');
    }
    return out;
  }

  /** The verb lemmas a token can stand for (wink's lemma, plus the lexicon forms of its surface). */
  verbLemmas(i: number): { lemma: string; forms: Set<VerbForm> }[] {
    const t = this.tokens[i];
    const out = this.forms.lookup(t.norm).map((f) => ({ lemma: f.lemma, forms: f.forms }));
    if (!out.some((o) => o.lemma === t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX')) {
      out.push({ lemma: t.lemma, forms: new Set<VerbForm>() });
    }
    return out;
  }

  /** Whether the token could be a past participle of one of its verb lemmas. */
  isParticiple(i: number): boolean {
    const n = this.norm(i);
    if (this.forms.lookup(n).some((f) => f.forms.has('pp'))) return true;
    return /(ed|en|wn|ne)$/.test(n);
  }

  isGerund(i: number): boolean {
    return this.norm(i).endsWith('ing') && this.pos(i) !== 'NOUN';
  }

  /** The token is a verb here: wink says so, or it is a lexicon verb form wink took for a noun. */
  isVerb(i: number): boolean {
    return this.pos(i) === 'VERB' || this.promoted[i] === true;
  }

  /**
   * Headlines ("Israel Launches Air Strikes on Gaza") and some running text ("Israel strikes Gaza")
   * get verbs tagged as nouns. A noun-tagged lexicon verb form is promoted to a verb when it follows
   * a noun phrase and no verb precedes it in its clause (the first predicate wins, so "Strikes"
   * after "Launches Air" stays a noun). Outside headlines the form must be "-s" or past and follow
   * an actor mention directly.
   */
  private promoteVerbs(): boolean[] {
    const out = new Array<boolean>(this.tokens.length).fill(false);
    let verbSeen = false;
    for (let i = 0; i < this.tokens.length; i++) {
      const p = this.pos(i);
      if (this.isClauseBreak(i) || this.norm(i) === ',' || this.norm(i) === 'and') {
        verbSeen = false;
        continue;
      }
      if (this.norm(i) === 'to') {
        // after "to", the next word is the infinitive: it may be promoted, and it is the clause's verb
        verbSeen = false;
        const j = i + 1;
        if (j < this.tokens.length && !this.mentionAt[j] && this.pos(j) !== 'DET' && this.pos(j) !== 'NUM') {
          if ((this.pos(j) === 'PROPN' || this.pos(j) === 'NOUN') && this.headline && this.forms.lookup(this.norm(j)).length > 0) out[j] = true;
          if (this.headline || this.pos(j) === 'VERB') {
            verbSeen = true;
            i = j;
          }
        }
        continue;
      }
      if (p === 'AUX' && (MODALS.has(this.norm(i)) || DO.has(this.norm(i)))) {
        // after a modal or "do" the next lexicon base form is the verb ("U.S. Won't Release Prisoners")
        let j = i + 1;
        while (j < this.tokens.length && (this.pos(j) === 'PART' || this.pos(j) === 'ADV') && !this.mentionAt[j]) j++;
        const pj = this.pos(j);
        if (j < this.tokens.length && !this.mentionAt[j] && (pj === 'NOUN' || pj === 'PROPN' || pj === 'ADJ') && this.forms.lookup(this.norm(j)).some((f) => f.forms.has('base'))) {
          out[j] = true;
          verbSeen = true;
          i = j;
          continue;
        }
      }
      if (p === 'VERB' || p === 'AUX') {
        // a speech verb opens a complement clause with its own predicate ("said his country backs X");
        // an auxiliary before its subject ("Did Turkey attack ...") leaves the predicate to come
        verbSeen = !SPEECH_VERBS.has(this.lemma(i)) && !(p === 'AUX' && this.mentionAt[i + 1] !== undefined);
        continue;
      }
      if (verbSeen || this.mentionAt[i] || i === 0) continue;
      if (p !== 'PROPN' && p !== 'NOUN' && p !== 'ADJ') continue;
      const forms = this.forms.lookup(this.norm(i));
      if (forms.length === 0) continue;
      const prevNominal = this.isNominalBasic(i - 1);
      // "X, Y in Prisoner Swap": a base form inside a prepositional phrase is a noun
      if (forms.every((f) => !f.forms.has('s') && !f.forms.has('past'))) {
        let k = i - 1;
        while (k >= 0 && !this.mentionAt[k] && (this.pos(k) === 'NOUN' || this.pos(k) === 'PROPN' || this.pos(k) === 'ADJ')) k--;
        if (k >= 0 && this.pos(k) === 'ADP' && this.norm(k) !== 'to') continue;
      }
      // "Palestinian Attack Kills Woman": a base form followed by an "-s" verb form is the subject's noun
      const nextIsVerbS = this.forms.lookup(this.norm(i + 1)).some((f) => f.forms.has('s')) && /^[A-Z]/.test(this.surface(i + 1));
      const baseOnly = forms.every((f) => !f.forms.has('s') && !f.forms.has('past'));
      // a speech verb opens a complement clause with its own predicate ("China Says Taiwan Spy Operated")
      const speech = forms.some((f) => SPEECH_VERBS.has(f.lemma));
      if (this.headline && /^[A-Z]/.test(this.surface(i)) && prevNominal && !(baseOnly && nextIsVerbS)) {
        out[i] = true;
        verbSeen = !speech;
      } else if (
        !this.headline &&
        ((this.mentionAt[i - 1] || (this.pos(i - 1) === 'NOUN' && this.nounPhraseHasMention(i - 1))) && !this.possessedBefore(i - 1)
          ? true
          : (SELF_NOUNS.has(this.lemma(i - 1)) && POSSESSIVE_PRONOUNS.has(this.norm(i - 2))) ||
            (this.pos(i - 1) === 'PRON' && SUBJECT_PRONOUNS.has(this.norm(i - 1)))) &&
        this.norm(i - 1) !== "'s" &&
        forms.some((f) => f.forms.has('s') || f.forms.has('past') || (f.forms.has('base') && (this.invertedBefore(i - 1) || this.pluralBefore(i - 1) || this.coordinatedBefore(i - 1)))) &&
        (this.mentionAt[i + 1] !== undefined ||
          // "Pakistan bombs suspected militant camps": an adjectival participle opens the object
          (this.mentionAt[i - 1] !== undefined && this.pos(i + 1) === 'VERB' && /ed$/.test(this.norm(i + 1)) && this.pos(i + 2) !== 'NUM' && (this.isNominalBasic(i + 2) || this.mentionAt[i + 2] !== undefined)) ||
          this.pos(i + 1) === 'DET' ||
          // "Kenya arrests key Al-Qaeda suspect": an "-s" or past form before an adjective and an actor
          (this.mentionAt[i - 1] !== undefined && this.pos(i + 1) === 'ADJ' && this.mentionAt[i + 2] !== undefined && forms.some((f) => f.forms.has('s') || f.forms.has('past')) && !this.eventNouns.has(this.lemma(i))) ||
          this.pos(i + 1) === 'NUM' ||
          this.norm(i + 1) === 'up' ||
          // "troops shot dead two men", "troops shot and killed two men": a past form before "dead" or
          // before "and" and another verb
          ((this.norm(i + 1) === 'dead' || (this.norm(i + 1) === 'and' && this.pos(i + 2) === 'VERB')) && forms.some((f) => f.forms.has('past'))) ||
          // "Zarqawi group claims attack on X" (also a base form after coordinated actors: "Egypt, Jordan sign water deal"): an "-s" verb form before a bare noun, unless it is an event noun itself ("EU talks process")
          (this.pos(i + 1) === 'NOUN' && (forms.some((f) => f.forms.has('s')) || this.coordinatedBefore(i - 1)) && !this.eventNouns.has(this.lemma(i)) && !this.eventNouns.has(this.norm(i).replace(/s$/, ''))) ||
          (this.pos(i + 1) === 'ADP' && this.norm(i + 1) !== 'of' && forms.some((f) => f.forms.has('past') && !f.forms.has('s'))))
      ) {
        out[i] = true;
        verbSeen = !speech;
      }
    }
    return out;
  }

  /** The noun phrase ending at `end` has a possessor ("Al-Qaeda's Pakistani allies"): it is a noun phrase, not a subject. */
  private possessedBefore(end: number): boolean {
    const actor = this.mentionAt[end];
    for (let k = end; k >= 0 && end - k < 6; k--) {
      // a possessive inside the actor's own mention ("Italy's interior minister") possesses nothing before it
      if (actor && this.mentionAt[k] === actor) continue;
      const n = this.norm(k);
      if (n === "'s" || n === "'" || (POSSESSIVE_PRONOUNS.has(n) && k < end)) return true;
      if (!this.isNominalBasic(k) && this.pos(k) !== 'DET') return false;
    }
    return false;
  }

  /** The subject ending at `end` is plural ("Israeli forces", "Israelis"): a base verb form after it is present tense. */
  private pluralBefore(end: number): boolean {
    const n = this.norm(end);
    if (!/[a-z]s$/.test(n) || /ss$/.test(n) || n === "'s") return false;
    const m = this.mentionAt[end];
    if (m) return /[a-z]s$/.test(this.doc.text.slice(m.start, m.end));
    return this.pos(end) === 'NOUN' && this.nounPhraseHasMention(end);
  }

  /** The actor ending at `end` is the last of two or more coordinated actors ("Egypt, Jordan", "Egypt and Jordan"). */
  private coordinatedBefore(end: number): boolean {
    const m = this.mentionAt[end];
    if (!m) return false;
    let k = end;
    while (k >= 0 && this.mentionAt[k] === m) k--;
    const n = this.norm(k);
    return k >= 1 && (n === ',' || n === 'and' || n === '&') && this.mentionAt[k - 1] !== undefined && this.mentionAt[k - 1] !== m && this.mentionAt[k - 1]!.country !== m.country;
  }

  /** The actor ending at `end` follows an auxiliary: "Did Turkey attack", "Will Iran meet". */
  private invertedBefore(end: number): boolean {
    const m = this.mentionAt[end];
    if (!m) return false;
    let k = end;
    while (k >= 0 && this.mentionAt[k] === m) k--;
    return k >= 0 && this.pos(k) === 'AUX';
  }

  /** A short plain noun phrase ending at `end` ("Syrian guards") holds an actor mention. */
  private nounPhraseHasMention(end: number): boolean {
    for (let k = end; k >= 0 && end - k < 5; k--) {
      if (this.mentionAt[k]) return true;
      const p = this.pos(k);
      if (p !== 'NOUN' && p !== 'ADJ' && p !== 'PROPN' && !(p === 'PART' && this.norm(k) === "'s")) return false;
    }
    return false;
  }

  /** isNominal without the headline verb test (used while promoting verbs). */
  private isNominalBasic(i: number): boolean {
    if (i < 0 || i >= this.tokens.length) return false;
    if (this.mentionAt[i]) return true;
    const p = this.pos(i);
    return p === 'NOUN' || p === 'PROPN' || p === 'ADJ' || p === 'NUM' || (p === 'PART' && this.norm(i) === "'s");
  }

  /** A time word ("Monday", "week", "yesterday"). */
  isTemporal(i: number): boolean {
    return TEMPORAL_NOUNS.has(this.norm(i)) || TEMPORAL_NOUNS.has(singularOf(this.norm(i)));
  }

  /** "he", "she", "it", "they", "we" (resolved or not). */
  isPersonalPronoun(i: number): boolean {
    return this.pos(i) === 'PRON' && SUBJECT_PRONOUNS.has(this.norm(i));
  }

  /** Part of a noun phrase: nouns, adjectives, determiners, numbers, possessives, mentions. */
  isNominal(i: number): boolean {
    if (i < 0 || i >= this.tokens.length) return false;
    if (this.mentionAt[i]) return true;
    const p = this.pos(i);
    const n = this.norm(i);
    if (p === 'NOUN' || p === 'PROPN' || p === 'ADJ' || p === 'NUM' || p === 'DET') return !this.promoted[i];
    if (p === 'PRON') return POSSESSIVE_PRONOUNS.has(n) || SUBJECT_PRONOUNS.has(n) || n === 'each' || n === 'other' || n === 'one' || n === 'another';
    if (p === 'PART') return n === "'s" || n === "'";
    if (p === 'PUNCT') return (n === '-' || n === '.') && this.attached(i);
    // an adjectival participle inside a noun phrase: "the deposed Taliban government"
    if (p === 'VERB' && /(ed|en)$/.test(n) && (this.pos(i - 1) === 'DET' || this.pos(i - 1) === 'ADJ') && this.isNominalBasic(i + 1)) return true;
    // either half of a hyphenated compound: "water-sharing accord", "U.S.-backed", "cease-fire"
    if ((p === 'VERB' || p === 'ADV') && this.norm(i - 1) === '-' && this.attached(i - 1)) return true;
    if ((p === 'VERB' || p === 'ADV') && this.norm(i + 1) === '-' && this.attached(i + 1) && this.isNominalBasic(i + 2)) return true;
    // "flood-hit areas", "war-ravaged country": a compound participle before a noun
    if ((p === 'VERB' || p === 'ADV') && this.norm(i + 1) === '-' && this.attached(i + 1) && this.pos(i + 2) === 'VERB' && this.isNominalBasic(i + 3)) return true;
    if (p === 'ADV') return false;
    if (p === 'SYM') return true;
    return false;
  }

  /** Punctuation written without spaces on both sides ("U.S.-led"). */
  private attached(i: number): boolean {
    const t = this.tokens[i];
    const prev = this.tokens[i - 1];
    const next = this.tokens[i + 1];
    return !!prev && !!next && prev.end === t.start && next.start === t.end;
  }

  isClauseBreak(i: number): boolean {
    const n = this.norm(i);
    if (CLAUSE_BREAKS.has(n)) return true;
    if (n === 'that' && this.pos(i) !== 'DET') return true;
    return this.pos(i) === 'SCONJ';
  }

  /**
   * The noun phrase that ends at token `end - 1` and extends leftwards: coordination ("China and
   * Iran", "China, Russia and Iran"), possessives and inner prepositional phrases are included.
   */
  phraseLeft(last: number): NounPhrase | undefined {
    if (last < 0 || !this.isNominal(last)) return undefined;
    // a personal pronoun is a whole noun phrase ("on Friday it was easing ...")
    if (this.isPersonalPronoun(last)) return this.phrase(last, last + 1);
    let i = last;
    let sawAnd = false;
    while (i - 1 >= 0) {
      const j = i - 1;
      if (this.isPersonalPronoun(j)) break;
      if (this.isNominal(j)) {
        i = j;
        continue;
      }
      const n = this.norm(j);
      if ((n === 'and' || n === '&') && this.isNominal(j - 1)) {
        sawAnd = true;
        i = j;
        continue;
      }
      // "China, Russia and Iran"; in a headline also "N. Korea, Japan talks" (a list without "and")
      if (n === ',' && (sawAnd || this.headlineList(j)) && this.isNominal(j - 1) && this.mentionAt[j - 1] && this.mentionAt[i]) {
        i = j;
        continue;
      }
      if (NP_PREPS.has(n) && this.pos(j) === 'ADP' && this.isNominal(j - 1) && j - 1 >= 0) {
        i = j;
        continue;
      }
      // "Washington along with its allies", "Iran together with Syria"
      if (n === 'with' && (this.norm(j - 1) === 'along' || this.norm(j - 1) === 'together') && this.isNominal(j - 2)) {
        i = j - 1;
        continue;
      }
      // a parenthesis inside the phrase: "the Asia-Pacific Economic Cooperation (APEC) forum"
      if (n === ')') {
        let k = j - 1;
        while (k >= 0 && j - k < 8 && this.norm(k) !== '(') k--;
        if (k > 0 && this.norm(k) === '(' && this.isNominal(k - 1)) {
          i = k;
          continue;
        }
      }
      break;
    }
    return this.phrase(i, last + 1);
  }

  /** The noun phrase that starts at `start` and extends rightwards (same rules as phraseLeft). */
  phraseRight(start: number, limit = this.tokens.length, between = false): NounPhrase | undefined {
    if (start >= limit || !this.isNominal(start)) return undefined;
    let i = start;
    while (i + 1 < limit) {
      const j = i + 1;
      if (this.isNominal(j)) {
        i = j;
        continue;
      }
      const n = this.norm(j);
      if ((n === 'and' || n === '&') && this.isNominal(j + 1) && (between || !this.startsClause(j + 1, limit))) {
        i = j;
        continue;
      }
      if (n === ',' && this.mentionAt[i] && this.mentionAt[j + 1] && (this.listContinues(j + 1, limit) || this.headlineList(j))) {
        i = j;
        continue;
      }
      if (n === 'of' && this.isNominal(j + 1)) {
        i = j;
        continue;
      }
      if (n === '(') {
        let k = j + 1;
        while (k < limit && k - j < 8 && this.norm(k) !== ')') k++;
        if (k < limit && this.norm(k) === ')' && this.isNominal(k + 1)) {
          i = k;
          continue;
        }
      }
      break;
    }
    return this.phrase(start, i + 1);
  }

  /** The noun phrase at `k` is the subject of a new clause: a verb follows it ("..., and Iran condemned"). */
  private startsClause(k: number, limit: number): boolean {
    let e = k;
    while (e < limit && this.isNominal(e)) e++;
    while (e < limit && this.pos(e) === 'ADV') e++;
    return e < limit && (this.isVerb(e) || this.pos(e) === 'AUX');
  }

  /**
   * A headline lists actors with commas alone ("Italian PM to Host Greek, Maltese Leaders",
   * "Peru, Chile Talks"): the comma at `c` joins two actors, and a noun follows the second one.
   */
  private headlineList(c: number): boolean {
    if (!this.headline && !this.shortLine()) return false;
    const a = this.mentionAt[c - 1];
    const b = this.mentionAt[c + 1];
    if (!a || !b || a === b) return false;
    let e = c + 1;
    while (e < this.tokens.length && this.mentionAt[e] === b) e++;
    if (e >= this.tokens.length || this.mentionAt[e]) return false;
    if ((this.pos(e) === 'NOUN' || this.pos(e) === 'PROPN') && !this.promoted[e]) return true;
    // "Egypt, Jordan sign accords", "Blair, Bush to meet": a list that opens the line, before its verb
    if (!this.isVerb(e) && !(this.norm(e) === 'to' && this.isVerb(e + 1))) return false;
    for (let k = 0; k < c; k++) if (!this.mentionAt[k] && this.norm(k) !== ',') return false;
    return true;
  }

  /** A short line without a final verb-rich clause: a sentence-case headline ("Little movement in Peru, Chile talks"). */
  private shortLine(): boolean {
    return this.index === 0 && this.tokens.length <= 14;
  }

  /** "X, Y and Z": after a comma, the list goes on to an "and" through mentions and commas. */
  private listContinues(from: number, limit: number): boolean {
    for (let k = from; k < limit; k++) {
      const n = this.norm(k);
      if (n === 'and' || n === '&') return true;
      if (n === ',' || this.mentionAt[k] || this.isNominal(k)) continue;
      return false;
    }
    return false;
  }

  /** Build a NounPhrase over [start, end): its head actors, reciprocity and pronoun flags. */
  phrase(start: number, end: number): NounPhrase {
    let firstPrep = -1;
    for (let k = start; k < end; k++) {
      if (this.pos(k) === 'ADP' && !this.mentionAt[k] && this.norm(k) !== "'s") {
        firstPrep = k;
        break;
      }
    }
    const headEnd = firstPrep >= 0 ? firstPrep : end;
    let mentions = this.mentionsIn(start, headEnd);
    // "the pro-Iranian Hezbollah", "the Syrian-backed militia": a backer named in a compound
    // modifier is not the actor when the phrase names another one
    if (mentions.length > 1) {
      const heads = mentions.filter((m) => !this.inModifierCompound(m));
      if (heads.length > 0) mentions = heads;
    }
    // "delegates at X", "officials from X": people of an actor named after "at"/"from" act for it
    const prepWord = firstPrep >= 0 ? this.norm(firstPrep) : '';
    const peopleOf = (prepWord === 'at' || prepWord === 'from') && firstPrep > start && PEOPLE_NOUNS.has(singularOf(this.norm(firstPrep - 1)));
    if (mentions.length === 0 && firstPrep >= 0 && (prepWord === 'of' || peopleOf)) {
      let ofEnd = end;
      for (let k = firstPrep + 1; k < end; k++) {
        if (this.pos(k) === 'ADP' && this.norm(k) !== 'of' && this.norm(k) !== "'s" && !this.mentionAt[k]) {
          ofEnd = k;
          break;
        }
      }
      mentions = this.mentionsIn(firstPrep + 1, ofEnd);
    }
    // "militant Lebanese group Hezbollah": a nationality describing the actor named after it is not
    // a second actor
    if (mentions.length > 1) mentions = mentions.filter((m, i) => !(i + 1 < mentions.length && this.describes(m, mentions[i + 1])));
    let reciprocal = false;
    let pronoun = false;
    let selfReference = false;
    for (let k = start; k < end; k++) {
      const n = this.norm(k);
      if ((n === 'each' && this.norm(k + 1) === 'other') || (n === 'one' && this.norm(k + 1) === 'another')) reciprocal = true;
      if (!this.mentionAt[k] && this.pos(k) === 'PRON' && SUBJECT_PRONOUNS.has(n) && end - start === 1) pronoun = true;
      if (!this.mentionAt[k] && POSSESSIVE_PRONOUNS.has(n) && n !== 'my' && n !== 'your' && k === start && k + 1 < end) selfReference = true;
    }
    if (mentions.length) {
      pronoun = false;
      selfReference = false;
    }
    return { start, end, mentions, reciprocal, pronoun, selfReference };
  }

  /** Demonym `m` only describes the differently coded actor `next` ("Lebanese [militant] group Hezbollah"). */
  private describes(m: Mention, next: Mention): boolean {
    if (m.resolvedBy !== 'demonym' || next.resolvedBy === 'demonym' || next.country === m.country || m.sector !== null) return false;
    for (let k = 0; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.start < m.end || t.end > next.start) continue;
      if (this.mentionAt[k] || (t.pos !== 'NOUN' && t.pos !== 'ADJ') || /^[A-Z]/.test(this.surface(k))) return false;
    }
    return true;
  }

  /** The mention is "pro-X", "anti-X", "X-backed", "X-led" ...: a modifier, not the head actor. */
  private inModifierCompound(m: Mention): boolean {
    const first = this.tokens.findIndex((t) => t.start >= m.start);
    let last = first;
    while (last + 1 < this.tokens.length && this.tokens[last + 1].end <= m.end) last++;
    if (first < 0) return false;
    const before = this.norm(first - 1) === '-' && this.attached(first - 1) ? this.norm(first - 2) : '';
    const after = this.norm(last + 1) === '-' && this.attached(last + 1) ? this.norm(last + 2) : '';
    const text = this.doc.text.slice(m.start, m.end).toLowerCase();
    if (/^(pro|anti)-/.test(text) || before === 'pro' || before === 'anti') return true;
    return MODIFIER_SUFFIXES.has(after);
  }

  /** Distinct mentions over a token range, in order. */
  mentionsIn(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let k = Math.max(0, start); k < Math.min(end, this.tokens.length); k++) {
      const m = this.mentionAt[k];
      if (m && !out.includes(m)) out.push(m);
    }
    return out;
  }

  /**
   * The verb group of a trigger at `v`: walks left over adverbs, negators, auxiliaries and modals;
   * stops at "to" (an infinitive) and records the governing word or controlling noun phrase.
   */
  verbGroup(v: number): VerbGroup {
    const g: VerbGroup = { start: v, negated: false, passive: false, be: false, infinitive: false };
    let i = v - 1;
    if (i >= 0 && BARE_GOVERNORS.has(this.lemma(i)) && this.isVerb(i) && !this.isGerund(v) && this.norm(v) === this.lemma(v)) {
      // A bare infinitive: "will help rebuild X", "let X go"
      g.infinitive = true;
      g.governor = i;
      g.start = i + 1;
      return g;
    }
    if (this.isGerund(v)) {
      // A gerund complement ("began investigating", "stopped attacking", "denied attacking") is
      // governed like an infinitive.
      let k = i;
      while (k >= 0 && this.pos(k) === 'ADV') k--;
      if (k >= 0 && this.isVerb(k) && !BE.has(this.norm(k)) && !this.isGerund(k)) {
        g.infinitive = true;
        g.governor = k;
        g.start = k + 1;
        return g;
      }
    }
    while (i >= 0) {
      const n = this.norm(i);
      const p = this.pos(i);
      if (NEGATORS.has(n) && n !== 'without' && n !== 'no') {
        g.negated = true;
      } else if (n === 'no' && this.norm(i + 1) === 'longer') {
        g.negated = true;
      } else if (n === 'longer' && this.norm(i - 1) === 'no') {
        // handled with "no"
      } else if (MODALS.has(n) && (p === 'AUX' || p === 'VERB' || n === "'ll" || n === "'d")) {
        g.modal ??= n === "'ll" || n === 'wo' ? 'will' : n === "'d" ? 'would' : n === 'ca' ? 'can' : n;
      } else if (BE.has(n) && (p === 'AUX' || p === 'VERB' || p === 'PART')) {
        g.be = true;
        if (this.isParticiple(v) && !this.isGerund(v)) g.passive = true;
      } else if ((HAVE.has(n) || DO.has(n)) && (p === 'AUX' || p === 'VERB')) {
        // perfect / emphatic
      } else if (p === 'ADV' && !this.isClauseBreak(i)) {
        // "also", "firmly", "reportedly"
      } else if (n === 'to' && (p === 'PART' || p === 'ADP')) {
        g.infinitive = true;
        let k = i - 1;
        while (k >= 0 && this.pos(k) === 'ADV') k--;
        // a time adverbial between the governor and "to": "threatened on Monday to break ties"
        let beforeTime = k >= 0 ? this.skipTemporalLeft(k) : k;
        // ... and "in principle" ("agreed in principle on Tuesday to send grain")
        if (beforeTime >= 1 && this.norm(beforeTime) === 'principle' && this.norm(beforeTime - 1) === 'in') beforeTime -= 2;
        if (beforeTime < k && beforeTime >= 0) k = beforeTime;
        if (k >= 0 && (this.pos(k) === 'VERB' || this.pos(k) === 'AUX' || this.pos(k) === 'ADJ' || this.isVerb(k) || (GOVERNING_ADJECTIVES.has(this.norm(k)) && !this.mentionAt[k]))) {
          // (a headline tags "Ready", "Set" as proper nouns: "Iran Says Ready to Talk")
          g.governor = k;
        } else if (
          k >= 0 &&
          (this.pos(k) === 'NOUN' || this.pos(k) === 'PROPN') &&
          (GOVERNING_NOUNS.has(this.lemma(k)) || GOVERNING_NOUNS.has(this.norm(k))) &&
          !this.mentionAt[k]
        ) {
          g.governor = k;
        } else if (k >= 0 && this.isNominal(k)) {
          g.controller = this.phraseLeft(k);
        }
        g.start = i;
        return g;
      } else {
        break;
      }
      g.start = i;
      i--;
    }
    return g;
  }

  /**
   * The verb an infinitive's governor belongs to: the governor itself when it is a verb; for an
   * adjective or a noun ("stands ready to", "expressed readiness to") the verb before it.
   */
  hostOf(gov: number): number {
    if (this.isVerb(gov) || this.pos(gov) === 'AUX') return gov;
    let k = gov - 1;
    if (this.pos(gov) === 'NOUN' || this.pos(gov) === 'PROPN') {
      k = (this.phraseLeft(gov)?.start ?? gov) - 1;
      // "killed five in an attempt to ...": the phrase is an adjunct of the verb before it
      if (k >= 0 && this.pos(k) === 'ADP') {
        k--;
        const before = this.phraseLeft(k);
        if (before) k = before.start - 1;
      }
    }
    while (k >= 0 && this.pos(k) === 'ADV') k--;
    if (k >= 0 && (this.isVerb(k) || this.pos(k) === 'AUX')) return k;
    return gov;
  }

  /**
   * The subject of the clause whose verb group starts at `groupStart`: the noun phrase right
   * before it, skipping a comma-enclosed apposition or relative clause; for a second coordinated
   * verb ("... and agreed to"), the subject of the first.
   */
  subjectBefore(groupStart: number, depth = 0): NounPhrase | undefined {
    let p = groupStart - 1;
    if (p < 0 || depth > 4) return undefined;
    // headline ellipsis: "Israel Says Will Scale Back ...", "Iran Says Ready to Talk": the speaker is the subject
    if (this.isVerb(p) && SPEECH_VERBS.has(this.lemma(p)) && this.norm(p + 1) !== 'that') {
      const speaker = this.subjectBefore(this.verbGroup(p).start, depth + 1);
      if (speaker && speaker.mentions.length > 0) return speaker;
    }
    // a name in quotes before its verb: 'a group calling itself "the Islamic Front" said'
    if ((this.norm(p) === '"' || this.norm(p) === "'") && p > 0 && this.mentionAt[p - 1]) p--;
    // an acronym in parentheses after the subject: "the European Union (EU) agreed"
    if (this.norm(p) === ')') {
      let k = p - 1;
      while (k >= 0 && p - k < 8 && this.norm(k) !== '(') k--;
      if (k > 0 && this.norm(k) === '(' && this.isNominal(k - 1)) p = k - 1;
    }
    const n = this.norm(p);
    // Relative pronoun: "X, who visited Y" → X.
    if ((n === 'who' || n === 'which' || (n === 'that' && this.pos(p) === 'PRON')) && p > 0) {
      let q = p - 1;
      if (this.norm(q) === ',') q--;
      return this.phraseLeft(q);
    }
    // Comma-enclosed apposition or relative clause between subject and verb.
    if (n === ',') {
      let c = p - 1;
      let depthQuote = 0;
      while (c >= 0 && this.norm(c) !== ',') {
        if (this.norm(c) === '"') depthQuote++;
        c--;
      }
      if (c > 0 && depthQuote === 0) {
        const head = this.phraseLeft(c - 1);
        if (head && (head.mentions.length || head.pronoun)) return head;
        const appo = this.phraseLeft(p - 1);
        if (appo && appo.mentions.length && appo.start === c + 1) return appo;
        // "Nineteen countries, including Australia, have agreed ..."
        if (appo && appo.mentions.length && appo.start === c + 2 && ['including', 'notably', 'especially'].includes(this.norm(c + 1))) return appo;
        return head;
      }
      return undefined;
    }
    // Coordinated verb phrase: "China and Iran expressed support ... and agreed to ...".
    if ((n === 'and' || n === 'but') && !this.isNominal(p + 1)) {
      let q = p - 1;
      if (this.norm(q) === ',') q--;
      for (let k = q; k >= 0; k--) {
        if (this.isClauseBreak(k) && this.norm(k) !== 'as' && !EMBEDDING.has(this.norm(k))) break;
        if (this.isVerb(k) && !this.isGerund(k) && !(this.norm(k - 1) === 'to')) {
          const vg = this.verbGroup(k);
          // a verb of an embedded clause ("demanded X explain how it subsidizes Y and warned ...")
          // is not the first conjunct: look further left
          const inner = this.phraseLeft(vg.start - 1);
          const opener = inner ? inner.start - 1 : vg.start - 1;
          // ... nor is a bare infinitive after its governor's object ("demanded Washington explain")
          if (opener >= 0 && (EMBEDDING.has(this.norm(opener)) || (inner && inner.mentions.length > 0 && this.isVerb(opener)))) {
            k = opener + 1; // the loop steps on to the token that opens the clause
            continue;
          }
          return this.subjectBefore(vg.start, depth + 1);
        }
      }
      return undefined;
    }
    const q = this.skipTemporalLeft(p);
    if (q !== p && q >= 0 && q < p) return this.subjectBefore(q + 1, depth + 1);
    let np = this.phraseLeft(p);
    // "Attack on UN vehicle kills one": an actor after "on"/"against" belongs to the noun before it,
    // which is the subject (here with no actor)
    if (np && np.start >= 2 && (this.norm(np.start - 1) === 'on' || this.norm(np.start - 1) === 'against') && this.pos(np.start - 1) === 'ADP' && (this.pos(np.start - 2) === 'NOUN' || this.pos(np.start - 2) === 'PROPN') && !this.mentionAt[np.start - 2]) {
      const head = this.phraseLeft(np.start - 2);
      if (head) np = this.phrase(head.start, head.end);
    }
    // "Russian aircraft including helicopter gunships killed ...", "British jets using guided missiles
    // killed ...": the examples after "including" and the means after "using" belong to the subject before them
    if (np && np.mentions.length === 0 && np.start >= 2) {
      let k = np.start - 1;
      while (k > 0 && np.start - k <= 3 && !['including', 'notably', 'especially', 'using', 'carrying', 'wielding', 'armed', 'firing'].includes(this.norm(k)) && (this.pos(k) === 'VERB' || this.pos(k) === 'ADJ' || this.pos(k) === 'NOUN')) k--;
      if (k > 0 && ['including', 'notably', 'especially', 'using', 'carrying', 'wielding', 'armed', 'firing'].includes(this.norm(k))) {
        const head = this.phraseLeft(k - 1);
        if (head && head.mentions.length > 0) return head;
      }
    }
    // a reduced passive relative: in "Eritreans deported by Libya arrived", the subject is the Eritreans
    if (np && np.start >= 3 && this.norm(np.start - 1) === 'by' && this.isVerb(np.start - 2) && this.isParticiple(np.start - 2)) {
      const head = this.phraseLeft(np.start - 3);
      if (head && head.mentions.length > 0) return head;
    }
    return np;
  }

  /**
   * Skips a time adverbial that ends at `p` and stands between a subject and its verb ("The EU on
   * Thursday demanded", "Iran's minister, on Sunday, said", "China yesterday warned"); returns the
   * index before it, or `p` when there is none.
   */
  skipTemporalLeft(p: number): number {
    let k = p;
    let sawTime = false;
    while (k >= 0) {
      const n = this.norm(k);
      if (TEMPORAL_NOUNS.has(n)) {
        sawTime = true;
        k--;
        continue;
      }
      if (sawTime && (TEMPORAL_MODIFIERS.has(n) || this.pos(k) === 'NUM' || n === ',' || n === "'s")) {
        k--;
        continue;
      }
      break;
    }
    if (!sawTime) return p;
    // keep the comma that opened a parenthetical time ("Iran, on Sunday, said") out of the way
    while (k >= 0 && this.norm(k) === ',') k--;
    return k;
  }

  /**
   * The speaker of a reporting clause that precedes token `before` in this sentence ("Duda said
   * [his country] ..."): the subject of the nearest speech verb to the left.
   */
  speakerBefore(before: number): NounPhrase | undefined {
    for (let k = before - 1; k >= 0; k--) {
      if (this.isVerb(k) && SPEECH_VERBS.has(this.lemma(k))) {
        const vg = this.verbGroup(k);
        const s = this.subjectBefore(vg.start);
        if (s && s.mentions.length) return s;
      }
    }
    return undefined;
  }

  /**
   * The speaker of a reporting clause that follows token `after` ('"We will ...," the minister
   * said' or '..., said the minister'): the subject of the first speech verb after a comma or a
   * closing quote.
   */
  speakerAfter(after: number): NounPhrase | undefined {
    let sawBreak = false;
    for (let k = after; k < this.tokens.length; k++) {
      const n = this.norm(k);
      if (n === ',' || n === '"' || n === "'") sawBreak = true;
      if (!sawBreak || !this.isVerb(k) || !SPEECH_VERBS.has(this.lemma(k))) continue;
      const vg = this.verbGroup(k);
      const before = this.subjectBefore(vg.start);
      if (before && before.mentions.length && before.start > after) return before;
      const inverted = this.phraseRight(k + 1);
      if (inverted && inverted.mentions.length) return inverted;
      return undefined;
    }
    return undefined;
  }

  /**
   * The speaker named after the last colon of a headline ("Iran Must Halt Enrichment: EU"), the
   * wire convention for a quoted claim: a short phrase with an actor that ends the headline.
   */
  trailingColonSpeaker(): NounPhrase | undefined {
    if (!this.headline) return undefined;
    let end = this.tokens.length;
    while (end > 0 && this.pos(end - 1) === 'PUNCT' && this.norm(end - 1) !== ':') end--;
    let c = end - 1;
    while (c > 0 && end - c <= 6 && this.norm(c) !== ':') c--;
    if (c < 2 || this.norm(c) !== ':') return undefined;
    const np = this.phraseRight(c + 1, end);
    return np && np.end === end && np.mentions.length > 0 ? np : undefined;
  }

  /** Whether a speech verb precedes token `i` in this sentence (reported speech). */
  reported(i: number): boolean {
    for (let k = i - 1; k >= 0; k--) if (this.isVerb(k) && SPEECH_VERBS.has(this.lemma(k))) return true;
    return false;
  }

  /** The noun phrase of the direct object that starts at or after `from` (skipping adverbs). */
  objectAfter(from: number): NounPhrase | undefined {
    let i = from;
    // adverbs and a bare time word ("freed Wednesday two soldiers") before the object
    while (i < this.tokens.length && !this.mentionAt[i] && (this.pos(i) === 'ADV' || (TEMPORAL_NOUNS.has(this.norm(i)) && this.pos(i + 1) !== 'ADP'))) i++;
    // a quantity before the object: "up to 600 marines", "at least 20 prisoners", "more than 100 troops"
    if (this.quantityAt(i)) i += 2;
    // an adjectival participle opening the object: "bombed suspected militant camps"
    if (this.pos(i) === 'VERB' && /^(suspected|alleged|purported|reported|presumed|so-called|proposed|planned|revised|amended|disputed|renewed|expanded|repeated|continued|increased)$/.test(this.norm(i)) && (this.isNominalBasic(i + 1) || this.mentionAt[i + 1])) {
      const np = this.phraseRight(i + 1);
      if (np) return this.phrase(i, np.end);
    }
    return this.phraseRight(i);
  }

  /** A two-word quantity phrase before a number starts at `i` ("up to 600", "at least 20"). */
  quantityAt(i: number): boolean {
    return QUANTIFIERS.has(`${this.norm(i)} ${this.norm(i + 1)}`) && this.pos(i + 2) === 'NUM';
  }

  /**
   * The object of the clause reported after a verb ("warned [that] it would counter any U.S.
   * challenge" → "any U.S. challenge"): after an optional "that", a subject, a verb group and a
   * verb, the verb's object, else the first prepositional phrase naming an actor.
   */
  complementObject(from: number): NounPhrase | undefined {
    let k = from;
    if (this.norm(k) === 'that') k++;
    const subj = this.phraseRight(k);
    if (!subj) return undefined;
    k = subj.end;
    while (k < this.tokens.length && (this.pos(k) === 'AUX' || this.pos(k) === 'ADV' || this.pos(k) === 'PART') && this.norm(k) !== 'to') k++;
    // a lexicon verb codes its own event ("warned it would strike X" is 138 by itself)
    if (!this.isVerb(k) || this.forms.lookup(this.norm(k)).length > 0) return undefined;
    const obj = this.objectAfter(k + 1);
    if (obj && obj.mentions.length) return obj;
    for (let j = k + 1; j < Math.min(this.tokens.length, k + 9); j++) {
      if (this.isClauseBreak(j) || this.norm(j) === ',') break;
      if (this.pos(j) === 'ADP') {
        const pp = this.phraseRight(j + 1);
        if (pp && pp.mentions.length) return pp;
      }
    }
    return undefined;
  }

  /**
   * The subject of the clause reported after a verb, when it names an actor ("said [that] Iran's
   * programme was peaceful" → "Iran's programme"): after time words and an optional "that", a noun
   * phrase followed by its verb group.
   */
  complementSubject(from: number): NounPhrase | undefined {
    let k = from;
    const skipped = this.skipTemporalRight(k);
    k = skipped;
    if (this.norm(k) === ',') k++;
    if (this.norm(k) === 'that') k++;
    const subj = this.phraseRight(k);
    if (!subj) return undefined;
    if (subj.mentions.length === 0) {
      // "says the tyrant is Bush": an actor-less subject with "be" is about the actor of its predicate
      if (subj.pronoun || subj.selfReference || this.lemma(subj.end) !== 'be') return undefined;
      let q = subj.end + 1;
      while (q < this.tokens.length && (this.pos(q) === 'ADV' || this.pos(q) === 'PART')) q++;
      const pred = this.phraseRight(q);
      return pred && pred.mentions.length > 0 ? pred : undefined;
    }
    let e = subj.end;
    while (e < this.tokens.length && this.pos(e) === 'ADV') e++;
    if (e >= this.tokens.length) return undefined;
    // a headline may leave the verb out ("Japan Says Test Likely Failed")
    if (!(this.isVerb(e) || this.pos(e) === 'AUX' || this.pos(e) === 'VERB' || (this.headline && e < this.tokens.length && this.norm(e) !== ','))) return undefined;
    return subj;
  }

  /**
   * The subject of a reported clause that comes before its speaker ("Iran is hiding arms, Britain
   * said"; headline "Floods Spread in the North, Relief Groups Say"): the speech verb at `v` ends its
   * sentence (time words and "in a statement" aside) and its subject follows a comma or a quote.
   */
  reportedBefore(v: number, subjectStart: number): NounPhrase | undefined {
    let k = this.skipTemporalRight(v + 1);
    if (this.norm(k) === 'in' && (this.norm(k + 1) === 'a' || this.norm(k + 1) === 'an') && /^(statement|interview|communique|report)$/.test(this.norm(k + 2))) k += 3;
    k = this.skipTemporalRight(k);
    if (k < this.tokens.length && !/^[.!?"']$/.test(this.norm(k))) return undefined;
    let b = subjectStart - 1;
    if (b >= 0 && (this.norm(b) === '"' || this.norm(b) === "'")) b--;
    if (b < 1 || this.norm(b) !== ',') return undefined;
    let start = 0;
    while (start < b && (this.norm(start) === '"' || this.norm(start) === "'")) start++;
    const subj = this.phraseRight(start, b);
    if (!subj || subj.mentions.length === 0) return undefined;
    let e = subj.end;
    while (e < b && this.pos(e) === 'ADV') e++;
    if (!(this.isVerb(e) || this.pos(e) === 'AUX' || this.pos(e) === 'VERB' || this.headline)) return undefined;
    return subj;
  }

  /**
   * An object that names an act without its actor, followed by the act's agent ("condemned the
   * killing of civilians by Israeli troops", "praised the decision by Iran"): the agent's phrase;
   * otherwise the object itself.
   */
  agentOf(np: NounPhrase | undefined): NounPhrase | undefined {
    if (!np || np.mentions.length > 0 || np.reciprocal || np.pronoun || np.selfReference) return np;
    if (this.norm(np.end) !== 'by') return np;
    const agent = this.phraseRight(np.end + 1);
    return agent && agent.mentions.length > 0 ? agent : np;
  }

  /**
   * The subject of a that-clause after an object naming a claim ("investigated rumours that Israel
   * poisoned him", "looked into reports that Iran ..."): the clause's subject, when it names an actor.
   */
  claimSubject(np: NounPhrase | undefined): NounPhrase | undefined {
    if (!np || np.mentions.length > 0 || this.norm(np.end) !== 'that') return undefined;
    return this.complementSubject(np.end + 1);
  }

  /**
   * The actor of the event a clause reacts to: the subject of an "after"/"following" clause that
   * follows within the sentence ("calls for calm after Ghana vows reprisals" → Ghana), when it names
   * an actor and is followed by its verb.
   */
  reactionTo(from: number): NounPhrase | undefined {
    return this.subjectOfClause(from, REACTION_OPENERS, (n, k) => REACTION_STOPS.has(n) || (n === 'that' && this.pos(k) !== 'DET'));
  }

  /**
   * The actor a condition is set to: the subject of an "unless"/"if" clause that follows within the
   * sentence ("threatened to cut ties unless the Kremlin withdrew its troops" → the Kremlin), when it
   * names an actor and is followed by its verb.
   */
  conditionSubject(from: number): NounPhrase | undefined {
    return this.subjectOfClause(from, CONDITION_OPENERS, (n) => CONDITION_STOPS.has(n));
  }

  /**
   * The subject of the first clause after `from` opened by one of `openers`, when it names an actor
   * and its verb follows (adverbs, auxiliaries and particles between them); undefined when a word
   * `stops` accepts comes first.
   */
  private subjectOfClause(from: number, openers: ReadonlySet<string>, stops: (norm: string, k: number) => boolean): NounPhrase | undefined {
    for (let k = from; k < this.tokens.length; k++) {
      const n = this.norm(k);
      if (stops(n, k)) return undefined;
      if (!openers.has(n)) continue;
      const subj = this.phraseRight(k + 1);
      if (!subj || subj.mentions.length === 0) return undefined;
      let e = subj.end;
      while (e < this.tokens.length && (this.pos(e) === 'ADV' || this.pos(e) === 'AUX' || this.pos(e) === 'PART')) e++;
      return e < this.tokens.length && (this.isVerb(e) || this.pos(e) === 'VERB') ? subj : undefined;
    }
    return undefined;
  }

  /**
   * The actor a clause opened by "after"/"following" reacts upon: the subject of the clause before
   * it ("Sudan agreed to the plan after | Britain set a deadline" → Sudan), when the subject of the
   * after-clause starts at `subjectStart` and the clause before names an actor as its subject.
   */
  reactedBy(subjectStart: number): NounPhrase | undefined {
    const k = subjectStart - 1;
    const n = this.norm(k);
    if ((n !== 'after' && n !== 'following') || this.pos(k) === 'VERB') return undefined;
    for (let j = k - 1; j >= 0; j--) {
      const w = this.norm(j);
      if (w === ';' || w === ':' || w === '"' || w === 'who' || w === 'which' || w === 'that' || w === 'because' || w === 'if' || w === 'when' || w === 'while') return undefined;
      if (this.isVerb(j) && !this.isGerund(j)) {
        // the clause before reports an act of the lexicon ("agreed", "recalled"), not a fate ("died")
        if (this.forms.lookup(this.norm(j)).length === 0) return undefined;
        const s = this.subjectBefore(this.verbGroup(j).start);
        return s && s.mentions.length > 0 ? s : undefined;
      }
    }
    return undefined;
  }

  /** Skips a time adverbial that starts at `k` ("on Monday", "yesterday", "last week"); returns the index after it. */
  skipTemporalRight(k: number): number {
    let i = k;
    while (i < this.tokens.length) {
      const n = this.norm(i);
      if (TEMPORAL_NOUNS.has(n)) {
        i++;
        continue;
      }
      if ((n === 'on' || n === 'last' || n === 'this' || n === 'earlier' || n === 'late' || n === 'early') && TEMPORAL_NOUNS.has(this.norm(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    return i;
  }

  /**
   * The noun phrase after the first preposition `prep` found from `from` onwards, within the clause
   * (stops at a clause break or another verb) and a window of tokens.
   */
  prepPhrase(from: number, prep: string, window = 14): NounPhrase | undefined {
    const lim = Math.min(this.tokens.length, from + window);
    for (let k = from; k < lim; k++) {
      const n = this.norm(k);
      // ("vs." and "versus" are headline forms of "against")
      const same = n === prep || (prep === 'against' && (n === 'vs' || n === 'vs.' || n === 'versus'));
      // (wink tags a complementiser "that" after a noun as a pronoun: "its demand that Israel withdraw")
      if (same && (this.pos(k) === 'ADP' || this.pos(k) === 'PART' || this.pos(k) === 'SCONJ' || this.pos(k) === 'ADV' || prep === 'that') && !this.quantityAt(k - 1)) {
        let s = k + 1;
        // "with the leaders of", "with both X and Y", "with visiting X"
        while (s < this.tokens.length && (this.pos(s) === 'ADV' || this.norm(s) === 'both')) s++;
        return this.phraseRight(s, this.tokens.length, prep === 'between');
      }
      if (this.isClauseBreak(k) && n !== 'as') return undefined;
      if (k > from && (this.pos(k) === 'VERB' || this.pos(k) === 'AUX') && !this.isGerund(k) && !this.mentionAt[k] && this.norm(k - 1) !== 'to') return undefined;
      if (n === ',' && !this.mentionAt[k - 1]) {
        // a comma closes the clause unless an adjunct follows ("spoke, by phone, with")
        if (!(this.pos(k + 1) === 'ADP')) return undefined;
      }
    }
    return undefined;
  }
}

/** Title case: most words of four letters or more start with a capital letter. */
export function isTitleCase(surfaces: string[]): boolean {
  let words = 0;
  let caps = 0;
  for (const s of surfaces) {
    if (!/^[A-Za-z]/.test(s) || s.length < 4) continue;
    words++;
    if (/^[A-Z]/.test(s)) caps++;
  }
  return words >= 3 && caps / words >= 0.75;
}
