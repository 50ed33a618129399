/**
 * The recogniser: one sentence's tokens → items, in text order. An item is either a resolved actor
 * mention (a country, demonym, capital, building, organisation, group, role description or sector
 * phrase) or a reference that only the article can resolve (a person's name, "the president",
 * "he", "his country", "the two sides", "the country"); `resolveItems` in coref.ts resolves those
 * in document order.
 *
 * Matching: a gazetteer scan over folded tokens, longest match first, then the KB's case rules
 * ("China"/"china", "US"/"us") on the span's original text. Phrases are composed from the atoms:
 *
 *   [the] MOD ('s)? [ADJ]* HEAD* [NAME] [of PLACE]   MOD: country, demonym, capital, organisation
 *                                                     HEAD: role noun or sector noun
 *   TITLE NAME [of PLACE]                             TITLE: a role noun or an honorific (Mr, Dr)
 *   [the] ROLE of [the] PLACE                          "the president of Iran"
 *   NAME                                               a KB person or a capitalised unknown name
 *
 * Precision rules: unknown names never get a country from the context; a place directly followed
 * by an unknown capitalised word is part of another name ("Chinese New Year", "Iran Air"); a
 * country that is also a given name next to an unknown capitalised word is a person ("Michael
 * Jordan"); combining forms need an actor on the other side of the hyphen ("Sino-Iranian", not
 * "Indo-Pacific"); "pro-"/"anti-" compounds name an attitude, not an actor; names of generic bodies
 * ("Security Council") need "the"; datelines ("BEIJING, July 29 (Xinhua) -") are places, not actors.
 */
import type { Diagnostic, Doc, Sentence, Token } from '../doc.js';
import type { Kb } from './kb.js';
import type { EntryKind, KbEntry } from './kb-types.js';
import type { Gazetteer } from './recognise-gazetteer.js';
import { foldToken, gazetteerOf } from './recognise-gazetteer.js';
import { table } from '../table.js';

/** A mention before it gets its id and sentence. */
export interface MentionDraft {
  start: number;
  end: number;
  actor: string;
  country: string | null;
  sector: string | null;
  role: string | null;
  person: string | null;
  resolvedBy: string;
}

/** What a resolved mention stands for (coreference needs to know). */
export type Entity = 'person' | 'state' | 'org' | 'group';

interface ItemBase {
  /** Character offsets of the item. */
  start: number;
  end: number;
  /** Token range (indices into doc.layers.tokens). */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /** The item is followed by its verb: it is the subject of its clause. */
  subject: boolean;
}

export interface MentionItem extends ItemBase {
  kind: 'mention';
  draft: MentionDraft;
  entity: Entity;
  /** For a person resolved by the recogniser (role descriptions): the KB id. */
  personId?: string;
  /** For a description of an unknown person ("Nigerian minister Dubem Oniya"): the name's span. */
  nameStart?: number;
  nameEnd?: number;
  /** A capital that is also another place or a given name ("Victoria"): kept only when the article names its country elsewhere. */
  needsSupport?: boolean;
  /**
   * With `needsSupport`, the country the article must name elsewhere when it is not the mention's
   * own: the home state of a group named by a word other groups share ("Maoists": Nepal's).
   */
  supportCountry?: string;
}

export interface NameItem extends ItemBase {
  kind: 'name';
  /** The name itself (without title or modifier). */
  nameStart: number;
  nameEnd: number;
  /** Folded tokens of the name. */
  keys: string[];
  /** The name is one KB full-name entry ("Xi Jinping"). */
  full: boolean;
  /** The name contains a KB name entry (full name or surname). */
  known: boolean;
  /** A title precedes it: a role noun ("president") or an honorific ("mr"). */
  title: string | null;
  /** The title is a role noun. */
  roleTitle: boolean;
  /** Country or organisation the text attaches to the name ("Polish", "of France"). */
  hint: string | null;
  /** A role word before the title blocks the office ("former", "deputy"). */
  blocked: 'former' | 'other' | null;
  /** Sector of the title or head noun, if any. */
  sector: string | null;
  /** Bare surname in a context that looks like part of something else (a month, a longer name). */
  doubtful: boolean;
  /** "Bush administration", "Putin government": the name owns this body; the mention is the body. */
  body: string | null;
}

export interface RoleItem extends ItemBase {
  kind: 'role';
  /** The role noun as the KB keys it ("president", "foreign minister") or "minister"/"leader". */
  noun: string;
}

export interface PronounItem extends ItemBase {
  kind: 'pronoun';
  /** "he", "she", "him", "his", "her". */
  form: string;
}

export interface PairItem extends ItemBase {
  kind: 'pair';
  /** What the pair is made of. */
  what: 'country' | 'person';
  /** Sector for the members (GOV for "the two governments"), else null. */
  sector: string | null;
  /** Token where the second member's part of the span starts ("the two | sides"). */
  splitToken: number;
}

export interface PossessiveItem extends ItemBase {
  kind: 'possessive';
  /** "his", "her". */
  pronoun: string;
  /** The noun after it ("country", "government"). */
  noun: string;
  sector: string | null;
}

export interface CountryNounItem extends ItemBase {
  kind: 'country-noun';
  /** "country", "nation", "kingdom", ... */
  noun: string;
}

export interface GroupNounItem extends ItemBase {
  kind: 'group-noun';
  /** "group", "organisation", "movement", ... */
  noun: string;
}

/** "the government", "officials", "the army", "the opposition": a state's body with no state named in the phrase. */
export interface SectorRefItem extends ItemBase {
  kind: 'sector-ref';
  /** CAMEO sector of the body (GOV, MIL, COP, LEG, JUD, SPY, OPP). */
  sector: string;
}

export type Item = MentionItem | NameItem | RoleItem | PronounItem | PairItem | PossessiveItem | CountryNounItem | GroupNounItem | SectorRefItem;

/** A gazetteer match with its KB entries sorted by what they can be. */
interface Atom {
  start: number;
  end: number;
  entries: KbEntry[];
  place?: KbEntry;
  /** The place code (after resolving shared names). */
  placeCode?: string;
  /** A combining form ("Sino-"). */
  prefix?: boolean;
  org?: KbEntry;
  role?: KbEntry;
  sector?: KbEntry;
  persons: KbEntry[];
}

const lookupCache = new WeakMap<Kb, Map<string, KbEntry[]>>();
const PLACE_KINDS = new Set<EntryKind>(['country', 'demonym', 'capital', 'building']);
const ORG_KINDS = new Set<EntryKind>(['igo', 'body', 'group']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'madam', 'madame', 'sir', 'sheikh', 'sheik', 'ayatollah', 'prof', 'gen', 'general', 'lt', 'col', 'adm', 'admiral', 'marshal', 'sen', 'senator', 'rep', 'congressman', 'congresswoman']);
/** Words before a role noun that make it someone other than the office holder. */
const BLOCKERS: Record<string, 'former' | 'other'> = table({
  former: 'former',
  ex: 'former',
  late: 'former',
  then: 'former',
  previous: 'former',
  deputy: 'other',
  vice: 'other',
  junior: 'other',
  assistant: 'other',
  incoming: 'other',
  future: 'other',
  next: 'other',
  elected: 'other',
  designate: 'other',
  'would-be': 'other',
  under: 'other',
  associate: 'other',
  regional: 'other',
  provincial: 'other',
  state: 'other',
  local: 'other',
});
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Capitalised words that may follow a place without being part of a longer name. */
const FREE_FOLLOWERS = new Set([...MONTHS, ...WEEKDAYS, 'i', 'and', 'or', 'but', 'on', 'in', 'at', 'to', 'for', 'of', 'the', 'a', 'as', 'is', 'was']);
/** Compass words that may precede a place without making it part of another name ("Western Afghanistan"). */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'northeast', 'northwest', 'southeast', 'southwest', 'upper', 'lower']);
/** Nouns that may follow a place as the head of an administrative area ("Kano State", "Sindh Province"). */
const AREA_NOUNS = new Set(['state', 'province', 'region', 'district', 'governorate', 'prefecture', 'oblast', 'territory', 'territories']);
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'into', 'via', 'within']);
const ATTITUDE_PREFIXES = new Set(['pro', 'anti', 'non', 'ex', 'post', 'pre', 'neo', 'un']);
const PAIR_NOUNS: Record<string, { what: 'country' | 'person'; sector: string | null }> = table({
  sides: { what: 'country', sector: null },
  countries: { what: 'country', sector: null },
  nations: { what: 'country', sector: null },
  states: { what: 'country', sector: null },
  neighbours: { what: 'country', sector: null },
  neighbors: { what: 'country', sector: null },
  allies: { what: 'country', sector: null },
  governments: { what: 'country', sector: 'GOV' },
  leaders: { what: 'person', sector: null },
  presidents: { what: 'person', sector: null },
  ministers: { what: 'person', sector: null },
  premiers: { what: 'person', sector: null },
  'foreign ministers': { what: 'person', sector: null },
  'prime ministers': { what: 'person', sector: null },
  'heads of state': { what: 'person', sector: null },
});
const POSSESSED: Record<string, string | null> = table({ country: null, nation: null, homeland: null, government: 'GOV', administration: 'GOV', cabinet: 'GOV' });
const COUNTRY_NOUNS = new Set(['country', 'nation', 'kingdom', 'republic', 'emirate', 'sultanate', 'monarchy']);
/** Sectors of a state's own bodies that a bare noun may name ("the government", "officials", "the army"). */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'LEG', 'JUD', 'SPY', 'OPP']);
/** Words between "the" and a bare state body ("the interim government", "the Iraqi-led ..." is a modifier, not these). */
const BODY_DESCRIPTORS = new Set(['interim', 'new', 'transitional', 'caretaker', 'provisional', 'military', 'central', 'federal', 'national', 'ruling', 'current', 'incoming', 'outgoing', 'coalition', 'elected', 'civilian', 'local', 'foreign', 'defence', 'defense', 'interior']);
/** Last words of the bodies a bare phrase may name ("the government", "the foreign ministry", "the army"). */
const BODY_HEADS = new Set(['government', 'administration', 'regime', 'cabinet', 'ministry', 'authorities', 'officials', 'military', 'army', 'navy', 'force', 'forces', 'police', 'troops', 'soldiers', 'parliament', 'legislature', 'opposition', 'junta', 'diplomats']);
/** Heads whose bare plural stands for a state's people in office ("Officials said", "Authorities arrested"). */
const BARE_PLURAL_BODIES = new Set(['officials', 'authorities', 'police', 'diplomats', 'troops', 'soldiers', 'forces']);
/** Nouns that "the [militant] X" may use for an armed group or movement named before. */
const GROUP_NOUNS = new Set(['group', 'organisation', 'organization', 'movement', 'militia', 'faction', 'network']);
/** Nouns that "the X" may use for a person named before, besides the KB's role nouns. */
const EXTRA_ROLE_REFS = new Set(['minister', 'leader', 'premier', 'chancellor']);
/** Name particles that may stand in lower case inside a name ("Osama bin Laden"). */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'abu', 'bint']);
/** Bodies a leader's name may own ("the Bush administration"). */
const BODY_NOUNS = new Set(['administration', 'government', 'cabinet', 'regime', 'camp']);
/** Sector nouns whose sector means "the people at large": no sector. */
const NO_SECTOR = new Set(['PPL']);

/** How a KB entry's name resolved an actor, for `Mention.resolvedBy`. */
function viaOf(e: KbEntry): string {
  switch (e.kind) {
    case 'demonym':
      return 'demonym';
    case 'capital':
      return 'capital';
    case 'building':
      return 'building';
    case 'igo':
    case 'body':
      return 'igo';
    default:
      if (e.via === 'place') return 'place';
      return e.via === 'name' || e.via === 'official' || e.via === 'full' ? 'name' : 'alias';
  }
}

/**
 * Acronyms keep their case: "LeT" is not "Let", "AU" is not "Au"; an all-capital acronym of four
 * letters or more may be written with one capital ("Nato", "Opec").
 */
function acronymCaseFits(e: KbEntry, span: string): boolean {
  if (e.kind !== 'igo' && e.kind !== 'body' && e.kind !== 'group' && e.kind !== 'country') return true;
  const form = e.form.replace(/\./g, '');
  const caps = form.replace(/[^A-Z]/g, '').length;
  if (caps < 2) return true;
  const text = span.replace(/^the\s+/i, '').replace(/\./g, '');
  if (text === form) return true;
  const allCaps = form === form.toUpperCase();
  if (allCaps) return text === text.toUpperCase() || (form.length >= 4 && !/\s/.test(form) && text === form[0] + form.slice(1).toLowerCase());
  return !/^[A-Za-z]+$/.test(form); // multi-word names with capitals ("United Nations") follow the KB's own case rules
}

function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = s[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isAllCaps(s: string): boolean {
  return /[A-Z]/.test(s) && s === s.toUpperCase() && /^[A-Z.'’\-]+$/.test(s);
}

/** Per-document state shared by the sentences of one document. */
export class Recogniser {
  readonly kb: Kb;
  readonly date: string;
  readonly doc: Doc;
  readonly tokens: Token[];
  /** Folded key of each token. */
  readonly keys: string[];
  readonly diagnostics: Diagnostic[] = [];
  private readonly gaz: Gazetteer;
  private atomAt: (Atom | undefined)[] = [];
  /** Scratch list of the token ends where a gazetteer name ends (reused by `scan`). */
  private readonly ends: number[] = [];
  private sentence!: Sentence;
  private titleCase = false;
  private datelineEnd = -1;
  /** The state of the first dateline's place, once one is read (it is no actor mention itself). */
  datelineCountry: string | null = null;
  private blocked: 'former' | 'other' | null = null;
  /** A person has been named in the document (unknown names may repeat one from then on). */
  private peopleSeen = false;

  /** The document date is known; when it is not, role descriptions get no office holder. */
  readonly dateKnown: boolean;

  constructor(kb: Kb, doc: Doc, date: string, dateKnown = true) {
    this.kb = kb;
    this.doc = doc;
    this.date = date;
    this.dateKnown = dateKnown;
    this.gaz = gazetteerOf(kb);
    this.tokens = doc.layers.tokens;
    this.keys = new Array(this.tokens.length);
    // keys fold the surface text, not wink's `norm`: its normalisation rewrites some name
    // particles as English words ("da" → "the" in "Lula da Silva")
    const text = doc.text;
    for (let i = 0; i < this.tokens.length; i++) this.keys[i] = foldToken(text.slice(this.tokens[i].start, this.tokens[i].end));
  }

  private text(i: number): string {
    const t = this.tokens[i];
    return this.doc.text.slice(t.start, t.end);
  }

  private pos(i: number): string {
    return i >= this.sentence.tokenStart && i < this.sentence.tokenEnd ? this.tokens[i].pos : '';
  }

  /** Token i starts with a capital letter (read in place: most tokens are lower case and need no copy). */
  private capAt(i: number): boolean {
    const c = this.doc.text.charCodeAt(this.tokens[i].start);
    if (c < 128) return c >= 65 && c <= 90;
    return isCap(this.text(i));
  }

  private key(i: number): string {
    return i >= this.sentence.tokenStart && i < this.sentence.tokenEnd ? this.keys[i] : '';
  }

  /** Tokens i-1 and i touch (no space between them). */
  private adjacent(i: number): boolean {
    return i > this.sentence.tokenStart && i < this.sentence.tokenEnd && this.tokens[i].start === this.tokens[i - 1].end;
  }

  private atom(i: number): Atom | undefined {
    return i >= this.sentence.tokenStart && i < this.sentence.tokenEnd ? this.atomAt[i - this.sentence.tokenStart] : undefined;
  }

  /** Recognise one sentence: items in text order. */
  sentenceItems(s: Sentence): Item[] {
    this.sentence = s;
    this.titleCase = this.isTitleCase();
    this.scan();
    this.datelineEnd = this.dateline();
    if (this.datelineEnd > s.tokenStart && this.datelineCountry === null) {
      // the state of the dateline's place ("KHARTOUM (Reuters) -", "BAGHDAD, Iraq -"): the story's home
      for (let i = s.tokenStart; i < this.datelineEnd; i++) {
        const a = this.atom(i);
        if (a?.placeCode && this.kb.country(a.placeCode)?.independent) {
          this.datelineCountry = a.placeCode;
          break;
        }
      }
    }
    const items: Item[] = [];
    let p = Math.max(s.tokenStart, this.datelineEnd);
    while (p < s.tokenEnd) {
      const next = this.fixedPhrase(p, items) ?? this.phrase(p, items) ?? this.nameAlone(p, items);
      p = next !== undefined && next > p ? next : p + 1;
    }
    for (const it of items) it.subject = this.followedByVerb(it.tokenEnd, it.tokenStart);
    // coordinated subjects ("Xi and Duda met"): the first shares the second's position
    for (let i = items.length - 2; i >= 0; i--) {
      const a = items[i];
      const b = items[i + 1];
      const k = this.keys[a.tokenEnd];
      if (b.tokenStart === a.tokenEnd + 1 && (k === 'and' || k === ',')) a.subject = b.subject;
    }
    return items;
  }

  // ---- gazetteer scan ----------------------------------------------------------------------

  private scan(): void {
    const s = this.sentence;
    const n = s.tokenEnd - s.tokenStart;
    if (this.atomAt.length < n) this.atomAt = new Array(n);
    this.atomAt.fill(undefined, 0, n);
    const { names, prefixes, extendable, maxTokens } = this.gaz;
    const text = this.doc.text;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      let k = this.keys[i];
      if (!k) continue;
      if (!prefixes.has(k)) {
        if (k.length > 4 && k.endsWith('s') && this.capAt(i)) this.pluralDemonym(i);
        continue;
      }
      const ends = this.ends;
      ends.length = 0;
      if (names.has(k)) ends.push(i + 1);
      for (let j = i + 1; j < s.tokenEnd && j - i < maxTokens; j++) {
        const kj = this.keys[j];
        if (!kj || !extendable.has(k)) break;
        k = this.tokens[j].start > this.tokens[j - 1].end ? `${k} ${kj}` : k + kj;
        if (!prefixes.has(k)) break;
        if (names.has(k)) ends.push(j + 1);
      }
      if (ends.length === 0 && this.keys[i].length > 4 && this.keys[i].endsWith('s') && this.capAt(i)) this.pluralDemonym(i);
      for (let e = ends.length - 1; e >= 0; e--) {
        const end = ends[e];
        const span = text.slice(this.tokens[i].start, this.tokens[end - 1].end);
        const entries = this.lookup(span);
        if (entries.length === 0) continue;
        const atom = this.classify(i, end, entries);
        if (!atom) continue;
        for (let t = i; t < end; t++) this.atomAt[t - s.tokenStart] = atom;
        i = end - 1;
        break;
      }
    }
  }

  /** `kb.lookupName` with a per-KB cache (the same names recur in every article). */
  private lookup(span: string): KbEntry[] {
    let cache = lookupCache.get(this.kb);
    if (!cache) {
      cache = new Map();
      lookupCache.set(this.kb, cache);
    }
    let hit = cache.get(span);
    if (!hit) {
      hit = this.kb.lookupName(span);
      if (cache.size >= 100_000) cache.clear();
      cache.set(span, hit);
    }
    return hit;
  }

  /** "Palestinians", "Iraqis": the plural of a demonym the KB lists in the singular. */
  private pluralDemonym(i: number): void {
    const t = this.text(i);
    if (!isCap(t) || !this.gaz.names.has(this.keys[i].slice(0, -1))) return;
    const entries = this.kb.lookupName(t.slice(0, -1)).filter((e) => e.kind === 'demonym' && e.via !== 'prefix');
    if (entries.length === 0) return;
    const atom = this.classify(i, i + 1, entries);
    if (atom) this.atomAt[i - this.sentence.tokenStart] = atom;
  }

  private classify(start: number, end: number, all: KbEntry[]): Atom | undefined {
    const span = this.spanText(start, end);
    const entries = all.filter((e) => acronymCaseFits(e, span));
    const atom: Atom = { start, end, entries, persons: [] };
    const places: KbEntry[] = [];
    const orgs: KbEntry[] = [];
    for (const e of entries) {
      if (PLACE_KINDS.has(e.kind)) places.push(e);
      else if (ORG_KINDS.has(e.kind)) orgs.push(e);
      else if (e.kind === 'role-noun') atom.role ??= e;
      else if (e.kind === 'sector-noun') atom.sector ??= e;
      else if (e.kind === 'person') atom.persons.push(e);
    }
    if (places.length > 0) {
      const codes = [...new Set(places.map((e) => e.country ?? e.id))];
      let code: string | undefined;
      if (codes.length === 1) code = codes[0];
      else {
        const states = codes.filter((c) => this.kb.country(c)?.independent);
        // a state and its territories share a demonym ("Chinese": CHN, MAC): the one state
        if (states.length === 1) code = states[0];
      }
      if (code) {
        atom.placeCode = code;
        atom.place = places.find((e) => (e.country ?? e.id) === code);
        atom.prefix = atom.place?.via === 'prefix';
      } else {
        this.note('actors:ambiguous-name', start, end, `"${this.spanText(start, end)}" may denote ${codes.join(', ')}: left unresolved`);
      }
    }
    if (orgs.length > 0) {
      // a generic body name ("security council") needs "the", or capitals after a lower-case word
      // inside running text ("vetoed a Security Council resolution")
      const prev = start > this.sentence.tokenStart ? this.text(start - 1) : '';
      const proper = !this.titleCase && /^[a-z]/.test(prev) && isCap(this.text(start));
      const usable = orgs.filter((e) => !e.ambiguous?.includes('generic') || this.key(start - 1) === 'the' || proper);
      const ids = [...new Set(usable.map((e) => e.id))];
      if (ids.length === 1) atom.org = usable[0];
      else if (ids.length > 1) this.note('actors:ambiguous-name', start, end, `"${this.spanText(start, end)}" may denote ${ids.join(', ')}: left unresolved`);
    }
    if (!atom.place && !atom.org && !atom.role && !atom.sector && atom.persons.length === 0) return undefined;
    return atom;
  }

  private spanText(start: number, end: number): string {
    return this.doc.text.slice(this.tokens[start].start, this.tokens[end - 1].end);
  }

  private note(ruleId: string, start: number, end: number, reason: string): void {
    this.diagnostics.push({ severity: 'info', source: 'actors', ruleId, reason, start: this.tokens[start].start, end: this.tokens[end - 1].end });
  }

  // ---- sentence shape -------------------------------------------------------------------------

  /** Most words of the sentence are written in capitals (a shouted headline). */
  private mostlyCapitals(): boolean {
    let words = 0;
    let caps = 0;
    for (let i = this.sentence.tokenStart; i < this.sentence.tokenEnd; i++) {
      const t = this.text(i);
      if (!/^[A-Za-z]{3,}/.test(t)) continue;
      words++;
      if (isAllCaps(t)) caps++;
    }
    return words >= 3 && caps / words >= 0.6;
  }

  /** Headline style: most longer words capitalised ("Iran Rejects UN Call On Nuclear Plan"). */
  private isTitleCase(): boolean {
    let words = 0;
    let caps = 0;
    const text = this.doc.text;
    for (let i = this.sentence.tokenStart; i < this.sentence.tokenEnd; i++) {
      const t = this.tokens[i];
      if (t.end - t.start < 4) continue;
      const c = text.charCodeAt(t.start);
      if (c >= 65 && c <= 90) caps++;
      else if (c < 97 || c > 122) continue;
      words++;
    }
    return words >= 3 && caps / words >= 0.75;
  }

  /**
   * End token of a dateline at the sentence start ("NAJAF, Iraq -", "BEIJING, July 29 (Xinhua) --"),
   * or -1. A dateline is at most 12 tokens ending in a dash, and holds a word in capitals.
   */
  private dateline(): number {
    const s = this.sentence;
    let caps = false;
    for (let i = s.tokenStart; i < Math.min(s.tokenEnd, s.tokenStart + 12); i++) {
      const t = this.text(i);
      if (t === '-' || t === '--' || t === '—' || t === '–') {
        // a hyphen inside a word ("Moo-Hyun") is not the dateline's dash; the first dash ends it
        const inWord = this.adjacent(i) && this.adjacent(i + 1);
        if (caps && i > s.tokenStart && !inWord) return i + 1;
        continue;
      }
      // "HANOI:": a colon after words in capitals only
      if (t === ':' && caps) {
        let allCaps = true;
        for (let k = s.tokenStart; k < i; k++) if (this.text(k) !== ',' && !isAllCaps(this.text(k))) allCaps = false;
        if (allCaps) return i + 1;
      }
      if (t.length >= 3 && isAllCaps(t) && !this.atom(i)?.org) caps = true;
      if (i === s.tokenStart && !caps) return -1;
    }
    return -1;
  }

  /** Token `i` (after an optional appositive) is a verb: what ends at `i` is a subject. */
  private followedByVerb(i: number, from: number): boolean {
    const s = this.sentence;
    if (i >= s.tokenEnd) return false;
    let j = i;
    if (this.keys[j] === ',') {
      // skip an appositive ", the Chinese president," or ", 61,"
      let k = j + 1;
      while (k < s.tokenEnd && k - j <= 10 && this.keys[k] !== ',') k++;
      if (k < s.tokenEnd && this.keys[k] === ',' && k + 1 < s.tokenEnd) j = k + 1;
      else return false;
    }
    while (j < s.tokenEnd && this.tokens[j].pos === 'ADV') j++;
    if (j >= s.tokenEnd) return false;
    const p = this.tokens[j].pos;
    if (p === 'VERB' || p === 'AUX') return this.keys[j] !== "'s" || from === s.tokenStart;
    return false;
  }

  // ---- fixed phrases: pronouns, pairs, "his country", "the country" ---------------------------

  private fixedPhrase(p: number, items: Item[]): number | undefined {
    const k = this.key(p);
    if (k === 'he' || k === 'she' || k === 'him') {
      if (this.pos(p) !== 'PRON') return undefined;
      items.push({ ...this.base(p, p + 1), kind: 'pronoun', form: k });
      return p + 1;
    }
    if (k === 'his' || k === 'her') {
      const n = this.key(p + 1);
      if (n in POSSESSED && this.key(p + 2) !== 'of') {
        items.push({ ...this.base(p, p + 2), kind: 'possessive', pronoun: k, noun: n, sector: POSSESSED[n] });
        return p + 2;
      }
      if (k === 'his' || ['NOUN', 'ADJ', 'PROPN'].includes(this.pos(p + 1))) {
        items.push({ ...this.base(p, p + 1), kind: 'pronoun', form: k });
        return p + 1;
      }
      return undefined;
    }
    if (k === 'both' || (k === 'the' && this.key(p + 1) === 'two')) {
      const q = k === 'both' ? p + 1 : p + 2;
      for (const len of [3, 2, 1]) {
        const words: string[] = [];
        for (let i = q; i < q + len; i++) words.push(this.key(i));
        const noun = PAIR_NOUNS[words.join(' ')];
        if (!noun) continue;
        items.push({ ...this.base(p, q + len), kind: 'pair', what: noun.what, sector: noun.sector, splitToken: q + len - 1 });
        return q + len;
      }
      return undefined;
    }
    if (k === 'the') {
      // "the group", "the militant group", "the Islamic group": an armed group named before
      let q = p + 1;
      const describing = (i: number) => (!this.atom(i) && (this.pos(i) === 'ADJ' || this.pos(i) === 'PROPN')) || (this.isHead(this.atom(i)) && !this.atom(i)!.role); // "militant", "Islamic"
      while (q < p + 3 && describing(q) && !GROUP_NOUNS.has(this.key(q))) q++;
      const next = this.key(q + 1);
      if (GROUP_NOUNS.has(this.key(q)) && !this.atom(q) && next !== 'of' && next !== "'s" && next !== 'calling' && next !== 'called' && next !== 'known' && next !== 'led' && !this.unknownCap(q + 1)) {
        items.push({ ...this.base(p, q + 1), kind: 'group-noun', noun: this.key(q) });
        return q + 1;
      }
    }
    if (k === 'the' && COUNTRY_NOUNS.has(this.key(p + 1)) && this.key(p + 2) !== 'of') {
      items.push({ ...this.base(p, p + 2), kind: 'country-noun', noun: this.key(p + 1) });
      return p + 2;
    }
    return this.sectorRef(p, items);
  }

  /**
   * "the government", "the interim government", "the foreign ministry", "officials", "the army": a
   * state body whose state the phrase does not name (coreference takes it from the context).
   */
  private sectorRef(p: number, items: Item[]): number | undefined {
    const k = this.key(p);
    let q = p;
    if (k === 'the') {
      q = p + 1;
      while (q < p + 3 && BODY_DESCRIPTORS.has(this.key(q)) && !this.atom(q)) q++;
    } else if (!BARE_PLURAL_BODIES.has(k) || (p > this.sentence.tokenStart && this.pos(p - 1) !== 'PUNCT' && !['and', 'but', 'as', 'while', 'said', 'say', 'says', 'that', 'when', 'after'].includes(this.key(p - 1)))) {
      // a bare plural only where a noun phrase starts ("Officials said", "..., police arrested")
      return undefined;
    }
    const a = this.atom(q);
    if (!a || a.start !== q || !this.isHead(a) || a.role) return undefined;
    const sector = a.sector?.sector;
    if (!sector || !STATE_SECTORS.has(sector)) return undefined;
    const end = a.end;
    // bodies only: a person's title ("the minister", "the president") is a role reference
    if (!BODY_HEADS.has(this.keys[end - 1])) return undefined;
    // "the government of X", "the army's chief", "the government forces" belong to another phrase
    const next = this.key(end);
    if (next === 'of' || next === "'s" || next === 'from' || next === 'in' || this.atom(end) || (this.pos(end) === 'NOUN' && !this.atom(end))) return undefined;
    if (k !== 'the' && a.end !== p + 1) return undefined;
    items.push({ ...this.base(p, end), kind: 'sector-ref', sector });
    return end;
  }

  private base(a: number, b: number): ItemBase {
    return { start: this.tokens[a].start, end: this.tokens[b - 1].end, tokenStart: a, tokenEnd: b, sentence: this.sentence.id, subject: false };
  }

  // ---- noun phrases around gazetteer atoms --------------------------------------------------

  /** A modifier atom: a place or an organisation usable as an actor. */
  private isMod(a: Atom | undefined): a is Atom {
    return a !== undefined && (a.placeCode !== undefined || a.org !== undefined);
  }

  private isHead(a: Atom | undefined): boolean {
    return a !== undefined && a.placeCode === undefined && a.org === undefined && (a.role !== undefined || a.sector !== undefined);
  }

  /** The actor code and mention fields of a modifier atom. */
  private modActor(a: Atom): { actor: string; country: string; sector: string | null; resolvedBy: string; entity: Entity } {
    if (a.org && (!a.placeCode || a.org.kind !== 'body')) {
      const e = a.org;
      const country = e.country ?? e.id;
      return { actor: e.id, country, sector: e.sector, resolvedBy: viaOf(e), entity: e.kind === 'group' ? 'group' : 'org' };
    }
    const e = a.place!;
    return { actor: a.placeCode!, country: a.placeCode!, sector: e.kind === 'capital' || e.kind === 'building' ? e.sector ?? 'GOV' : null, resolvedBy: viaOf(e), entity: 'state' };
  }

  /** Why a place atom must not be read as an actor here, or undefined when it may. */
  private placeRejected(a: Atom): string | undefined {
    const s = this.sentence;
    // attitude compounds: "pro-Russian", "anti-American"
    if (this.adjacent(a.start) && this.key(a.start - 1) === '-' && this.adjacent(a.start - 1) && ATTITUDE_PREFIXES.has(this.key(a.start - 2))) return 'attitude-compound';
    // combining forms need an actor after the hyphen ("Sino-Iranian"; not "Indo-Pacific")
    if (a.prefix) {
      const next = this.atom(a.end);
      if (!(this.adjacent(a.end) && this.isMod(next) && !next.prefix)) return 'combining-form';
    }
    if (!a.place || a.org) return undefined;
    const amb = a.place.ambiguous ?? [];
    // "ethnic Albanians": an ethnic group, not the state
    if (a.place.kind === 'demonym' && this.key(a.start - 1) === 'ethnic') return 'ethnic-group';
    // a compass word before a country's own name, a capital or a region names part of it ("Western
    // Afghanistan"), but not before another kind of alternative name ("South America" is not the USA)
    const compass = COMPASS.has(this.key(a.start - 1)) && (a.place.via === 'name' || a.place.via === 'official' || a.place.via === 'capital' || a.place.via === 'place');
    // (in a headline every word is capitalised: a capital before the place says nothing)
    const prevCap = !this.titleCase && a.start - 1 > s.tokenStart && !this.nonPersonAtom(a.start - 1) && this.unknownCap(a.start - 1) && !this.adjacent(a.start) && !compass;
    const nextCap =
      !this.titleCase &&
      a.end < s.tokenEnd &&
      !this.atom(a.end) &&
      this.unknownCap(a.end) &&
      !this.adjacent(a.end) &&
      !(a.place.kind === 'demonym' && this.pluralNoun(a.end)) &&
      !(a.place.kind !== 'demonym' && AREA_NOUNS.has(this.key(a.end)));
    if (amb.includes('person-name') && (prevCap || HONORIFICS.has(this.key(a.start - 1)))) return 'person-name';
    if (nextCap) return 'longer-name';
    if (prevCap) return 'longer-name';
    // "Bank of China", "University of Tehran": part of an institution's name
    if (!this.titleCase && this.key(a.start - 1) === 'of' && a.start - 2 >= s.tokenStart && !this.atom(a.start - 2) && this.unknownCap(a.start - 2) && a.start - 2 > s.tokenStart) return 'longer-name';
    return undefined;
  }

  /** Token `i` is a gazetteer atom other than a person's name (a name like "Simon" before "Mann" still counts as a capitalised word). */
  private nonPersonAtom(i: number): boolean {
    const a = this.atom(i);
    return a !== undefined && !(a.persons.length > 0 && a.placeCode === undefined && a.org === undefined && !a.role && !a.sector);
  }

  /** A plural noun that ends a noun phrase ("Kurds" in "Iraqi Kurds"): people, not a longer name. */
  private pluralNoun(i: number): boolean {
    const k = this.keys[i];
    return /[a-z]{3}s$/.test(k) && !/ss$/.test(k) && !this.unknownCap(i + 1) && !this.atom(i + 1);
  }

  /** A capitalised word that is not a known name, month, weekday or sentence word. */
  private unknownCap(i: number): boolean {
    if (!this.capAt(i)) return false;
    const t = this.text(i);
    if (!isCap(t) || FREE_FOLLOWERS.has(this.keys[i])) return false;
    return /^[A-Z\u00C0-\u024F]/.test(t) && /[a-z]/.test(t);
  }

  private phrase(p: number, items: Item[]): number | undefined {
    const s = this.sentence;
    let q = p;
    const the = this.key(q) === 'the';
    if (the) q++;
    // leading blockers / adjectives before a title ("former President X", "the new prime minister")
    this.blocked = null;
    let r = this.adjectives(q);
    if (r > q && !this.isMod(this.atom(r)) && !this.isHead(this.atom(r))) r = q;
    // modifiers: places and organisations, possibly coordinated
    const mods: Atom[] = [];
    let possessive = false;
    for (;;) {
      const a = this.atom(r);
      if (!this.isMod(a)) break;
      const why = this.placeRejected(a);
      if (why) {
        if (mods.length === 0) {
          this.note(`actors:skip-${why}`, a.start, a.end, `"${this.spanText(a.start, a.end)}" is not read as an actor here (${why})`);
          return a.end;
        }
        break;
      }
      mods.push(a);
      r = a.end;
      if (a.prefix) {
        r++; // the hyphen after "Sino"
        continue;
      }
      const k = this.key(r);
      if (k === "'s" || (k === "'" && this.adjacent(r))) {
        possessive = true;
        r++;
        break;
      }
      if ((k === 'and' || k === ',' || k === 'or') && this.isMod(this.atom(r + 1)) && !this.atom(r + 1)!.prefix) {
        r++;
        continue;
      }
      break;
    }
    const afterMods = r;
    if (mods.length > 0) r = this.adjectives(r);
    const blocked = this.blocked;
    const heads: Atom[] = [];
    while (this.isHead(this.atom(r)) && heads.length < 4) {
      heads.push(this.atom(r)!);
      r = this.atom(r)!.end;
    }
    // honorific titles ("Mr", "Dr") in place of a head
    let honorific: string | null = null;
    if (heads.length === 0 && mods.length === 0 && HONORIFICS.has(this.key(r)) && isCap(this.text(r))) {
      honorific = this.key(r);
      r++;
      if (this.key(r) === '.') r++;
    }
    if (heads.length === 0 && mods.length === 0 && !honorific) {
      return the || blocked ? undefined : undefined;
    }
    if (heads.length === 0 && !honorific) {
      // plain modifiers: countries, demonyms, capitals, organisations
      r = afterMods;
      const follower = possessive ? undefined : this.nameRun(r);
      if (follower && follower.full && mods.length === 1 && !mods[0].prefix) {
        // "Iranian Ebrahim Raisi": a known name after a place word
        return this.pushName(items, p, mods, null, false, null, null, follower);
      }
      this.pushMods(items, mods);
      return mods[mods.length - 1].end;
    }
    const role = heads.find((h) => h.role)?.role ?? (heads.length && EXTRA_ROLE_REFS.has(this.keys[heads[0].end - 1]) ? undefined : undefined);
    const sectorEntry = heads.find((h) => h.sector)?.sector;
    const headEnd = r;
    const lastHeadKey = heads.length ? this.keys[heads[heads.length - 1].end - 1] : '';
    const plural = heads.length > 0 && /[a-z]s$/.test(lastHeadKey) && !/(ss|us)$/.test(lastHeadKey);
    // a name after the title
    // "President General Pervez Musharraf": a military or religious honorific between the title and the name
    if (heads.length > 0 && !possessive && !plural && HONORIFICS.has(this.key(r)) && isCap(this.text(r)) && (this.key(r + 1) === '.' ? this.nameRun(r + 2, true) : this.nameRun(r + 1, true))) {
      r += this.key(r + 1) === '.' ? 2 : 1;
    }
    let run = possessive || plural ? undefined : this.nameRun(r, true);
    // in a headline every word is capitalised: only a KB name counts as a name there
    if (run && this.titleCase && !run.persons) run = undefined;
    // after a sector noun, a single unknown word is a thing's name ("the French supertanker Limburg")
    if (run && !run.persons && !heads.some((h) => h.role) && !honorific && run.end - run.start < 2) run = undefined;
    if (run && (run.persons || heads.length > 0 || honorific) && (isCap(this.text(p === q ? q : q)) || run.persons || mods.length > 0 || heads.length > 0)) {
      const title = honorific ?? (role ? role.id : heads.length ? this.keys[heads[heads.length - 1].end - 1] : null);
      return this.pushName(items, p, mods, title, !honorific && !!role, blocked, sectorEntry?.sector ?? role?.sector ?? null, run, heads);
    }
    if (honorific) return undefined;
    // "the president of Iran"
    let ofMods: Atom[] = [];
    let end = headEnd;
    if (mods.length === 0 && this.key(headEnd) === 'of') {
      let t = headEnd + 1;
      if (this.key(t) === 'the') t++;
      const a = this.atom(t);
      if (this.isMod(a) && !this.placeRejected(a) && !a.prefix && a.place?.kind !== 'demonym') {
        ofMods = [a];
        end = a.end;
      }
    }
    const owners = mods.length > 0 ? mods : ofMods;
    if (owners.length === 0) {
      // "the president", "the foreign minister": a person named before
      const nounKey = heads.length === 1 ? this.spanKey(heads[0].start, heads[0].end) : '';
      if (the && heads.length === 1 && !plural && !blocked && (heads[0].role || EXTRA_ROLE_REFS.has(nounKey))) {
        items.push({ ...this.base(p, headEnd), kind: 'role', noun: heads[0].role ? heads[0].role.id : nounKey });
      }
      return headEnd;
    }
    this.pushDescriptions(items, the ? p : owners === mods ? mods[0].start : p, owners, mods.length > 0, heads, role, sectorEntry, blocked, plural, end, possessive);
    return end;
  }

  /** Skip up to three adjectives (recording blockers such as "former", "deputy" in `this.blocked`). */
  private adjectives(from: number): number {
    const end = this.sentence.tokenEnd;
    let r = from;
    while (r < end && r - from < 3) {
      const k = this.keys[r];
      const b = BLOCKERS[k];
      const a = this.atom(r);
      // a blocker may itself be a KB sector noun ("deputy"): as a modifier it still blocks
      if (a && !(b && a.end === r + 1 && this.isHead(a) && this.isHead(this.atom(r + 1)))) break;
      if (b) this.blocked ??= b;
      else if (k === '-' && this.adjacent(r) && BLOCKERS[this.keys[r - 1]]) {
        /* "ex-president" */
      } else if (this.tokens[r].pos !== 'ADJ') break;
      r++;
    }
    return r;
  }

  private spanKey(a: number, b: number): string {
    let k = this.keys[a];
    for (let i = a + 1; i < b; i++) k = this.tokens[i].start > this.tokens[i - 1].end ? `${k} ${this.keys[i]}` : k + this.keys[i];
    return k;
  }

  /** Plain modifier mentions ("China", "Iranian", "Beijing", "the EU"). */
  private pushMods(items: Item[], mods: Atom[]): void {
    for (const a of mods) {
      const m = this.modActor(a);
      let end = a.end;
      if (a.prefix && this.keys[end - 1] === '-') end--; // "Sino" without its hyphen
      let sector = m.sector;
      if (a.place && (a.place.kind === 'capital' || a.place.kind === 'building') && LOCATIVES.has(this.key(a.start - 1))) sector = null;
      const start = a.start;
      const amb = a.place?.ambiguous;
      // acting as a government ("Washington said", "by Washington", "Washington's envoy") it stands alone
      const acting = a.start === this.sentence.tokenStart || this.followedByVerb(a.end, a.start) || this.key(a.end) === "'s" || this.key(a.start - 1) === 'by';
      const needsSupport = !acting && !a.org && (a.place?.kind === 'capital' || a.place?.kind === 'building') && !!amb && (amb.includes('place-elsewhere') || amb.includes('person-name'));
      // a group named by a word that names others elsewhere ("Maoists") needs its home state in the article
      const home = a.org?.kind === 'group' && a.org.ambiguous?.includes('place-elsewhere') ? this.kb.group(a.org.id)?.country ?? undefined : undefined;
      items.push({
        ...this.base(start, end),
        kind: 'mention',
        entity: m.entity,
        draft: { start: this.tokens[start].start, end: this.tokens[end - 1].end, actor: m.actor, country: m.country, sector, role: null, person: null, resolvedBy: m.resolvedBy },
        ...(needsSupport ? { needsSupport } : {}),
        ...(home ? { needsSupport: true, supportCountry: home } : {}),
      });
    }
  }

  /** Role and sector descriptions: "the Iranian president", "Chinese foreign ministry", "Hungarian and Romanian officials". */
  private pushDescriptions(
    items: Item[],
    start: number,
    owners: Atom[],
    ownersFirst: boolean,
    heads: Atom[],
    role: KbEntry | undefined,
    sectorEntry: KbEntry | undefined,
    blocked: 'former' | 'other' | null,
    plural: boolean,
    end: number,
    possessive: boolean,
  ): void {
    void possessive;
    owners.forEach((a, i) => {
      const m = this.modActor(a);
      const last = i === owners.length - 1;
      const from = i === 0 ? start : a.start;
      let to = ownersFirst ? (last ? end : a.end) : end;
      // a sector noun of the KB may end in a preposition ("ambassador to", "embassy in"): not part of the actor
      while (to - 1 > from && (this.tokens[to - 1].pos === 'ADP' || this.tokens[to - 1].pos === 'DET')) to--;
      // "militia leader", "army chief": the organisation noun before the role noun gives the sector
      const orgNoun = heads.length > 1 && heads[0].sector && !heads[0].role ? heads[0].sector.sector : null;
      let sector = orgNoun ?? role?.sector ?? sectorEntry?.sector ?? null;
      if (sector && NO_SECTOR.has(sector)) sector = null;
      if (m.entity !== 'state' && m.sector && !role) sector = sector ?? m.sector;
      const draft: MentionDraft = {
        start: this.tokens[from].start,
        end: this.tokens[to - 1].end,
        actor: m.actor,
        country: m.country,
        sector,
        role: null,
        person: null,
        resolvedBy: role ? 'role' : 'sector',
      };
      let personId: string | undefined;
      if (role && blocked === null && (!plural || owners.length > 1)) {
        const office = this.kb.officeFor(m.country, role.id);
        if (office) {
          draft.role = office;
          const holder = this.dateKnown ? this.kb.officeHolder(m.country, office, this.date) : undefined;
          if (holder) {
            draft.actor = holder.id;
            draft.person = holder.name;
            personId = holder.id;
            const r = this.kb.rolesOf(holder.id, this.date).find((x) => x.role === office && x.country === (this.kb.country(m.country)?.code ?? m.country));
            if (r) draft.sector = r.sector || draft.sector;
          }
        }
      } else if (blocked === 'former') draft.sector = 'ELI';
      if (personId) this.peopleSeen = true;
      items.push({ ...this.base(from, to), kind: 'mention', entity: personId ? 'person' : m.entity, draft, ...(personId ? { personId } : {}) });
    });
  }

  private pushName(
    items: Item[],
    p: number,
    mods: Atom[],
    title: string | null,
    roleTitle: boolean,
    blocked: 'former' | 'other' | null,
    sector: string | null,
    run: NameRun,
    heads: Atom[] = [],
  ): number {
    void heads;
    let hint: string | null = mods.length === 1 ? this.modActor(mods[0]).country : null;
    let end = run.end;
    // "King Hassan of Morocco", "President Francois Mitterrand of France"
    if (!hint && (title || mods.length) && this.key(run.end) === 'of') {
      let t = run.end + 1;
      if (this.key(t) === 'the') t++;
      const a = this.atom(t);
      if (this.isMod(a) && !a.prefix && !this.placeRejected(a) && a.place?.kind !== 'demonym') {
        hint = this.modActor(a).country;
        end = a.end;
      }
    }
    if (mods.length > 1) {
      // "Chinese and Iranian officials Foo and Bar" is too rare to split: keep the modifiers alone
      this.pushMods(items, mods);
      return mods[mods.length - 1].end;
    }
    const start = mods.length === 0 && title === null ? run.start : p;
    const keys: string[] = [];
    for (let i = run.start; i < run.end; i++) {
      let k = this.keys[i];
      if (/[,'"()]/.test(k)) k = k.replace(/[,'"()]/g, '');
      if (k.length >= 2 && !NAME_PARTICLES.has(k)) keys.push(k);
    }
    if (run.persons || hint) this.peopleSeen = true;
    items.push({
      ...this.base(start, end),
      kind: 'name',
      nameStart: this.tokens[run.start].start,
      nameEnd: this.tokens[run.end - 1].end,
      keys,
      full: run.full,
      known: run.persons,
      title,
      roleTitle,
      hint,
      blocked,
      sector: sector && NO_SECTOR.has(sector) ? null : sector,
      doubtful: run.persons && title === null && hint === null && this.doubtfulName(run),
      body: null,
    });
    return end;
  }

  /** The month word at `i` is a given name: a KB person's surname follows it, and no date word precedes it. */
  private givenNameMonth(i: number): boolean {
    const own = this.atom(i);
    if (own && own.start === i && own.end > i + 1 && own.persons.length > 0 && own.placeCode === undefined) return true; // a KB full name
    const next = this.atom(i + 1);
    if (!next || next.start !== i + 1 || next.persons.length === 0 || next.placeCode !== undefined || next.org !== undefined) return false;
    if (!isCap(this.text(i)) || this.text(i).endsWith('.')) return false;
    const prev = this.key(i - 1);
    return !['in', 'on', 'since', 'until', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'from', 'through', 'till', 'before', 'after', 'during'].includes(prev);
  }

  /** A bare known surname whose context says it is something else (a month, part of a longer name). */
  private doubtfulName(run: NameRun): boolean {
    const s = this.sentence;
    const first = this.keys[run.start];
    if (WEEKDAYS.has(first)) return true;
    if (MONTHS.has(first)) {
      const prev = this.key(run.start - 1);
      if (/^\d/.test(this.key(run.end)) || ['in', 'on', 'since', 'until', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'from', 'through', 'till', 'before', 'after', 'during'].includes(prev)) return true;
    }
    if (run.end < s.tokenEnd && !this.titleCase && this.unknownCap(run.end) && !this.atom(run.end)) return true;
    if (this.adjacent(run.start) && this.key(run.start - 1) === '-') return true;
    if (this.key(run.end) === '-' && this.adjacent(run.end)) return true;
    if (run.end - run.start > 1) return false;
    // one word read alone: it must look like a name there
    const t = this.text(run.start);
    const prev = this.key(run.start - 1);
    if (this.tokens[run.start].pos !== 'PROPN') return true; // "Struck Down", "Herald Sun"
    if (t.endsWith('.') || (t.length <= 3 && isAllCaps(t))) return true; // "Kan.", "BA"
    // a word in capitals in running text is a dateline's place or an acronym ("BANJA LUKA"), not a surname
    if (isAllCaps(t) && !this.mostlyCapitals()) return true;
    if (prev === 'a' || prev === 'an' || prev === 'the' || (LOCATIVES.has(prev) && prev !== 'at') || prev === 'from') return true; // "a Turk", "from Liverpool"
    if (this.titleCase) return false;
    if (run.start - 1 > s.tokenStart && !this.atom(run.start - 1) && this.unknownCap(run.start - 1) && !this.adjacent(run.start)) return true; // "Keith Miller"
    // a common word opening a sentence ("Parts of the airport"), unless a verb or a list follows
    if (run.start === s.tokenStart && this.atom(run.start)?.persons.some((e) => e.ambiguous?.includes('common-word'))) {
      const next = run.end < s.tokenEnd ? this.tokens[run.end].pos : '';
      if (!['VERB', 'AUX', 'PUNCT', 'CCONJ', 'PROPN', 'PART'].includes(next)) return true;
    }
    return false;
  }

  /** A name alone: a KB person ("Xi Jinping", "Raisi") or a capitalised unknown name. */
  private nameAlone(p: number, items: Item[]): number | undefined {
    const run = this.nameRun(p);
    if (!run) return undefined;
    if (run.lead) {
      const end = this.pushName(items, p, [], run.lead, false, null, null, run);
      return end;
    }
    // an unknown name can only repeat a person named before: none yet, nothing to resolve
    if (!run.persons && !this.peopleSeen) return run.end;
    const end = this.pushName(items, p, [], null, false, null, null, run);
    // "the Bush administration": a known name owning a government body
    const body = this.keys[run.end];
    if (run.persons && end === run.end && BODY_NOUNS.has(body) && this.isHead(this.atom(run.end))) {
      const it = items[items.length - 1] as NameItem;
      const from = this.key(run.start - 1) === 'the' ? run.start - 1 : run.start;
      Object.assign(it, this.base(from, run.end + 1), { body, sector: this.atom(run.end)!.sector?.sector ?? 'GOV', doubtful: false });
      return run.end + 1;
    }
    return end;
  }

  /**
   * A personal name starting at `i`: KB person atoms and capitalised words tagged PROPN (with name
   * particles and hyphens inside), up to 5 tokens. `persons` when it holds a KB person name; `full`
   * when it is exactly one KB full name.
   */
  private nameRun(i: number, titled = false): NameRun | undefined {
    const s = this.sentence;
    // a month word is a given name before a known surname ("Jan Egeland"), not in a date ("in May Bush said")
    if (!titled && (WEEKDAYS.has(this.key(i)) || (MONTHS.has(this.key(i)) && !this.givenNameMonth(i)))) return undefined;
    // "Putin Phones Bush": the capitalised verb after a KB name is not the start of the next name
    if (this.titleCase && i > s.tokenStart && i < s.tokenEnd && !this.atom(i) && this.unknownCap(i) && this.personAtomAfterCaps(i)) {
      const prev = this.atom(i - 1);
      if (prev && prev.end === i && prev.persons.length > 0) return undefined;
    }
    let j = i;
    let persons = false;
    let full = false;
    let fullAt = -1;
    let unknown = 0;
    let atoms = 0;
    while (j < s.tokenEnd && j - i < 6) {
      const a = this.atom(j);
      if (a && a.start === j && a.persons.length > 0 && a.placeCode === undefined && a.org === undefined && !a.role && !a.sector) {
        persons = true;
        atoms++;
        // a one-word "full name" (a source listing only a surname) is not a full name inside a longer run
        full = a.persons.some((e) => e.via === 'full') && a.end - a.start >= 2;
        fullAt = full && a.end - a.start >= 2 ? j : -1;
        j = a.end;
        continue;
      }
      if (a) break;
      const t = this.text(j);
      const k = this.keys[j];
      if (this.unknownCap(j) && (this.tokens[j].pos === 'PROPN' || (j > i && this.tokens[j].pos === 'NOUN')) && !HONORIFICS.has(k)) {
        // a headline "Putin Phones Bush": capitalised words between two KB names are the verb
        // between two people, not one name
        if (this.titleCase && persons && this.personAtomAfterCaps(j)) break;
        unknown++;
        j++;
        continue;
      }
      // particles and hyphens inside a name
      if (j > i && (NAME_PARTICLES.has(k) || (k === '-' && this.adjacent(j) && this.adjacent(j + 1))) && j + 1 < s.tokenEnd && (this.unknownCap(j + 1) || this.atom(j + 1)?.persons.length)) {
        j++;
        continue;
      }
      if (j > i && /^[A-Z]\.?$/.test(t) && isCap(this.text(j + 1) ?? '')) {
        j++; // a middle initial
        continue;
      }
      break;
    }
    if (j === i) return undefined;
    // "Chairman Mahmoud Abbas": unknown capitalised words before a full KB name are its title
    if (fullAt > i && atoms === 1 && this.atom(fullAt)!.end === j) {
      return { start: fullAt, end: j, persons, full, lead: this.keys[i] };
    }
    if (unknown > 0 || atoms > 1) full = false;
    return { start: i, end: j, persons, full };
  }

  /** Capitalised unknown words from `j` on (at most two) end right before a KB person name. */
  private personAtomAfterCaps(j: number): boolean {
    let k = j;
    while (k < this.sentence.tokenEnd && k - j < 2 && !this.atom(k) && this.unknownCap(k)) k++;
    if (k === j) return false;
    const a = this.atom(k);
    return a !== undefined && a.start === k && a.persons.length > 0 && a.placeCode === undefined && a.org === undefined && !a.role && !a.sector;
  }
}

interface NameRun {
  start: number;
  end: number;
  persons: boolean;
  full: boolean;
  /** Capitalised words before a KB full name that ends the run ("Chairman", "General"): a title. */
  lead?: string;
}
