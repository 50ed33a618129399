/**
 * Coreference within one article: turns the recogniser's items into mentions, in document order,
 * resolving what only the article can tell. Every mention it makes records how (`resolvedBy`) and,
 * for a reference back, which earlier mention it follows (`antecedent`).
 *
 * - names: a KB full name → that person; a partial name that repeats tokens of a person named
 *   earlier ("Xi", "Raisi", "Mr Duda", "President Xi") → that person (`coref:surname`); else a KB
 *   surname (one bearer, or one bearer in office on the date); else a title with a partial name
 *   held by exactly one office holder on the date ("President Xi" → Xi Jinping); else, when the
 *   text gives a country ("Nigerian minister Dubem Oniya"), an unnamed-in-the-KB person of that
 *   country. Unknown names without a country are left alone.
 * - "the president", "the foreign minister", "the minister": the most recent person whose office
 *   on the date the noun denotes in their country (`coref:title`).
 * - "he", "she", "his", "her": the person in subject position before it in the same sentence, else
 *   the one person (or the one subject among several) of the nearest earlier sentence that names
 *   people (`coref:pronoun`). Skipped when that is ambiguous.
 * - "his country", "her government": that person's country (`coref:possessive`).
 * - "the two sides", "both countries", "the two leaders": the two countries (or people) under
 *   discussion — the nearest ones, if exactly two can be told apart (`coref:pair`). The phrase is
 *   split into one mention per member on disjoint tokens ("the two" → first, "sides" → second),
 *   so that a coder that reads one mention per token sees a coordinated pair ("A and B").
 * - "the country", "the nation", "the kingdom": the one country named in the nearest earlier
 *   sentence that names countries (a kingdom must be a monarchy on the date) (`coref:country`).
 * - "the government", "the interim government", "officials", "the army", "the opposition": that
 *   body of the one state named in the nearest earlier sentence that names states, or of the
 *   state of the article's dateline when none is named or it is one of those named (`coref:sector`).
 */
import type { Diagnostic, Mention } from '../doc.js';
import type { Kb } from './kb.js';
import type { Person } from './kb-types.js';
import type { Entity, Item, MentionDraft, NameItem } from './recognise.js';
import { addNameKeys, fuzzyTitledHolder, personFacts, personNameKeys, titledHolder } from './recognise-people.js';
import { table } from '../table.js';

/** What coreference remembers of each mention made so far. */
interface Ref {
  mention: Mention;
  entity: Entity;
  /** KB person id, or null (an unknown person is an entity 'person' with a null id). */
  personId: string | null;
  /** Folded tokens a partial name may repeat (persons only). */
  nameKeys: Set<string> | null;
  subject: boolean;
}

/** Offices whose holders are named by surname alone in the news. */
/** Offices whose holder is known by the bare surname: national top offices and the heads of international organisations. */
const TOP_OFFICES = new Set([
  'head of state', 'head of government', 'foreign minister', 'defence minister', 'secretary-general',
  'director-general', 'foreign policy chief', 'commission president', 'managing director', 'council president', 'commission chair',
]);
/** How far back (in sentences) references look. */
const WINDOW = 4;
const MONARCH_TITLES = /\b(king|queen|emir|amir|sultan|monarch|grand duke|prince)\b/i;
const ROLE_WORDS: Record<string, RegExp> = table({
  minister: /minister|premier|secretary/i,
  leader: /./,
});

/** The coreference state of one document. */
export class Coref {
  readonly mentions: Mention[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly records: Ref[] = [];
  /** Mentions kept only when the article names a country elsewhere: the mention and that country. */
  private readonly needSupport = new Map<Mention, string | null>();
  /** Multi-word names that resolved to no one ("Kim Yong Nam"): a later "Kim" may be them too. */
  private readonly unknownNames: { keys: Set<string>; start: number; text: string }[] = [];
  private readonly kb: Kb;
  private readonly date: string;
  /** The date used for people, or null when the document date is unknown (see `Coref`'s constructor). */
  private readonly peopleDate: string | null;
  private readonly text: string;
  /** The state of the article's dateline, when it has one read so far (settles "the government"). */
  homeCountry: string | null = null;

  /**
   * `dateKnown` false: `date` is only a fallback (today), so a name is not read as whoever holds an
   * office today: a bare surname resolves to the one person who ever held a top office under it,
   * and people act for the country of their offices without a dated office.
   */
  constructor(kb: Kb, date: string, text: string, dateKnown = true) {
    this.kb = kb;
    this.date = date;
    this.peopleDate = dateKnown ? date : null;
    this.text = text;
  }

  /** The person's roles on the date (every role when the date is unknown). */
  private rolesOn(id: string) {
    return this.peopleDate === null ? this.kb.person(id)?.roles ?? [] : this.kb.rolesOf(id, this.peopleDate);
  }

  /** Resolve one sentence's items (in text order) and add their mentions. */
  addSentence(items: Item[]): void {
    for (const it of items) {
      switch (it.kind) {
        case 'mention': {
          const m = this.push(it.draft, it.sentence, it.entity, it.personId ?? null, it.subject, undefined, it.personId ? this.kb.person(it.personId) : undefined);
          if (it.needsSupport) this.needSupport.set(m, it.supportCountry ?? m.country);
          break;
        }
        case 'name':
          this.name(it);
          break;
        case 'role':
          this.roleRef(it.noun, it);
          break;
        case 'pronoun':
          this.pronoun(it);
          break;
        case 'possessive':
          this.possessive(it);
          break;
        case 'pair':
          this.pair(it);
          break;
        case 'country-noun':
          this.countryNoun(it);
          break;
        case 'group-noun':
          this.groupNoun(it);
          break;
        case 'sector-ref':
          this.sectorRef(it);
          break;
      }
    }
  }

  /**
   * Finish the document: drop capitals that are also other places or given names ("Victoria",
   * "Hamilton") when nothing else in the article names their country nor another state's capital
   * in the same sentence ("Pyongyang accused Washington"), groups named by a word that
   * names others elsewhere ("Maoists") when the article does not name their home state, and
   * references to them.
   */
  finish(): void {
    if (this.needSupport.size === 0) return;
    const drop = new Set<Mention>();
    for (const [m, country] of this.needSupport) {
      const supported = this.mentions.some((o) => o !== m && !this.needSupport.has(o) && o.country === country && !String(o.resolvedBy).startsWith('coref'));
      if (supported) continue;
      // "Pyongyang accused Washington ...": a capital beside another state's capital in its sentence
      // names a government, as capitals do in diplomatic news
      const paired = country === m.country && this.mentions.some((o) => o !== m && !this.needSupport.has(o) && o.sentence === m.sentence && o.resolvedBy === 'capital' && o.country !== country);
      if (paired) continue;
      drop.add(m);
      if (country === m.country) {
        this.diagnostics.push({ severity: 'info', source: 'actors', ruleId: 'actors:skip-unsupported-capital', reason: `"${m.text}" is also another place or a name, and the article names ${m.country} nowhere else: left unresolved`, start: m.start, end: m.end });
      } else {
        this.diagnostics.push({ severity: 'info', source: 'actors', ruleId: 'actors:skip-unsupported-group', reason: `"${m.text}" also names groups elsewhere, and the article does not name ${country}, the home of ${m.country}: left unresolved`, start: m.start, end: m.end });
      }
    }
    if (drop.size === 0) return;
    const dropIds = new Set([...drop].map((m) => m.id));
    for (const m of this.mentions) if (m.antecedent !== undefined && dropIds.has(m.antecedent)) drop.add(m);
    const kept = this.mentions.filter((m) => !drop.has(m));
    this.mentions.length = 0;
    this.mentions.push(...kept);
  }

  private push(draft: MentionDraft, sentence: number, entity: Entity, personId: string | null, subject: boolean, antecedent?: number, person?: Person, extraKeys?: string): Mention {
    const m: Mention = {
      id: this.mentions.length,
      start: draft.start,
      end: draft.end,
      text: this.text.slice(draft.start, draft.end),
      actor: draft.actor,
      country: draft.country,
      sector: draft.sector,
      role: draft.role,
      person: draft.person,
      sentence,
      resolvedBy: draft.resolvedBy,
    };
    if (antecedent !== undefined) m.antecedent = antecedent;
    this.mentions.push(m);
    let nameKeys: Set<string> | null = null;
    if (entity === 'person') {
      nameKeys = person ? personNameKeys(person) : new Set();
      if (draft.person) addNameKeys(draft.person, nameKeys);
      if (extraKeys) addNameKeys(extraKeys, nameKeys);
    }
    this.records.push({ mention: m, entity, personId: person?.id ?? personId, nameKeys, subject });
    return m;
  }

  private note(ruleId: string, it: { start: number; end: number }, reason: string): void {
    this.diagnostics.push({ severity: 'info', source: 'actors', ruleId, reason, start: it.start, end: it.end });
  }

  /** Records before `it`, most recent first, within `window` sentences. */
  private *recent(it: { start: number; sentence: number }, window = WINDOW): Generator<Ref> {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i];
      if (r.mention.start >= it.start) continue;
      if (it.sentence - r.mention.sentence > window) return;
      yield r;
    }
  }

  /** A mention of a known person with the facts of the date. */
  private personDraft(p: Person, start: number, end: number, resolvedBy: string, hint: string | null, noun: string | null): MentionDraft {
    const f = personFacts(this.kb, p, this.peopleDate, hint, noun);
    return { start, end, actor: p.id, country: f.country, sector: f.sector, role: f.role, person: p.name, resolvedBy };
  }

  /** Copy an antecedent's actor onto a new span. */
  private follow(r: Ref, start: number, end: number, resolvedBy: string): MentionDraft {
    const a = r.mention;
    return { start, end, actor: a.actor, country: a.country, sector: a.sector, role: a.role, person: a.person, resolvedBy };
  }

  /** The text puts the person in another country than any office of theirs ("German minister X" for a Czech X). */
  private conflicts(it: NameItem, p: Person): boolean {
    if (!it.hint || p.roles.length === 0) return false;
    const h = this.kb.country(it.hint)?.code ?? it.hint;
    return !p.roles.some((r) => (this.kb.country(r.country)?.code ?? r.country) === h);
  }

  /** Emit a resolved person, or the body the name owns ("the Bush administration" → the country, GOV). */
  private emitPerson(it: NameItem, p: Person, resolvedBy: string, antecedent?: Ref): void {
    const draft = antecedent ? this.follow(antecedent, it.start, it.end, resolvedBy) : this.personDraft(p, it.start, it.end, resolvedBy, it.hint, it.roleTitle ? it.title : null);
    if (it.body) {
      if (!draft.country) return;
      this.push({ start: it.start, end: it.end, actor: draft.country, country: draft.country, sector: it.sector ?? 'GOV', role: null, person: null, resolvedBy: `${resolvedBy}+body` }, it.sentence, 'state', null, it.subject, antecedent?.mention.id);
      return;
    }
    this.push(draft, it.sentence, 'person', p.id, it.subject, antecedent?.mention.id, p);
  }

  /**
   * The country every KB person of this name acts for (only those who ever held an office the
   * title denotes, when there is a title; who held a top office, with `topOnly`), when they all
   * agree: "President Bush" is the USA whichever Bush it is. Undefined when they disagree or none
   * is known.
   */
  private unanimousCountry(it: NameItem, text: string, topOnly = false): string | undefined {
    const ids = new Set(this.kb.lookupName(text).filter((e) => e.kind === 'person').map((e) => e.id));
    const countries = new Set<string>();
    for (const id of ids) {
      const p = this.kb.person(id);
      if (!p) continue;
      if (it.roleTitle && it.title && !p.roles.some((r) => this.kb.officeFor(r.country, it.title!) === r.role)) continue;
      // (with `topOnly`, only holders of a top office count; and every one of them must agree)
      if (topOnly && !p.roles.some((r) => TOP_OFFICES.has(r.role))) continue;
      const c = personFacts(this.kb, p, this.peopleDate, it.hint).country;
      if (!c) return undefined;
      countries.add(c);
    }
    return countries.size === 1 ? [...countries][0] : undefined;
  }

  private name(it: NameItem): void {
    const text = this.text.slice(it.nameStart, it.nameEnd);
    // a full KB name
    if (it.full) {
      const p = this.kb.resolvePersonName(text, this.peopleDate, it.hint ?? undefined);
      if (p && !this.conflicts(it, p)) {
        this.emitPerson(it, p, it.title ? 'title+name' : 'name');
        return;
      }
    }
    // a partial name repeating a person named before
    if (it.keys.length > 0) {
      const found = new Map<string, Ref>();
      for (const r of this.recent(it, Infinity)) {
        if (r.entity !== 'person' || !r.nameKeys) continue;
        if (!it.keys.every((k) => r.nameKeys!.has(k))) continue;
        const id = r.personId ?? `text:${r.mention.person}`;
        if (!found.has(id)) found.set(id, r);
      }
      const other = this.unknownNames.find((u) => u.start < it.start && it.keys.every((k) => u.keys.has(k)));
      if (found.size === 1 && other) {
        const r = [...found.values()][0];
        this.note('actors:ambiguous-name', it, `"${text}" may be ${r.mention.person} or ${other.text}: left unresolved`);
        return;
      }
      if (found.size === 1) {
        const r = [...found.values()][0];
        const compatible = !it.hint || r.mention.country === it.hint;
        if (compatible && it.body) {
          const c = r.mention.country;
          if (c) this.push({ start: it.start, end: it.end, actor: c, country: c, sector: it.sector ?? 'GOV', role: null, person: null, resolvedBy: 'coref:surname+body' }, it.sentence, 'state', null, it.subject, r.mention.id);
          return;
        }
        if (compatible) {
          this.push(this.follow(r, it.start, it.end, 'coref:surname'), it.sentence, 'person', r.personId, it.subject, r.mention.id, r.personId ? this.kb.person(r.personId) : undefined, r.mention.person ?? undefined);
          return;
        }
      } else if (found.size > 1) {
        this.note('actors:ambiguous-name', it, `"${text}" may be ${[...found.values()].map((r) => r.mention.person).join(' or ')}: left unresolved`);
        return;
      }
    }
    // a KB name (surname, alias) on the date
    if (it.known && !(it.doubtful && !it.full)) {
      const p = this.kb.resolvePersonName(text, this.peopleDate, it.hint ?? undefined);
      if (p && this.bareOk(it, p) && !this.conflicts(it, p)) {
        this.emitPerson(it, p, it.title ? 'title+name' : it.full ? 'name' : 'alias');
        return;
      }
    }
    // a title with a partial name held by one office holder on the date ("President Xi")
    if (it.roleTitle && it.title && it.blocked === null) {
      // on the date first, then anyone who ever held such an office ("President Obama" in a text dated 2000)
      const when = this.peopleDate;
      let p = (when !== null ? titledHolder(this.kb, when, it.title, it.keys, it.hint) : undefined) ?? titledHolder(this.kb, null, it.title, it.keys, it.hint);
      // another spelling of the given name ("Mikhail"/"Mikheil"): the surname and the stated country suffice
      if (!p && it.hint && it.keys.length >= 2) p = titledHolder(this.kb, when, it.title, it.keys.slice(-1), it.hint);
      // a misspelt name ("President Bouteflicka"): one letter off, among everyone who held such an office
      if (!p && !it.known) p = fuzzyTitledHolder(this.kb, it.title, it.keys, it.hint);
      if (p) {
        this.emitPerson(it, p, 'title+name');
        return;
      }
    }
    // several KB people of this name, all acting for one country: the country, without the person
    if (it.known && (it.title || it.body) && it.blocked === null && !it.hint) {
      const c = this.unanimousCountry(it, text);
      if (c) {
        const sector = it.body ? it.sector ?? 'GOV' : it.sector ?? 'GOV';
        this.push({ start: it.start, end: it.end, actor: c, country: c, sector, role: null, person: it.body ? null : text, resolvedBy: it.body ? 'name+body' : 'title+name' }, it.sentence, it.body ? 'state' : 'person', null, it.subject, undefined, undefined, it.body ? undefined : text);
        return;
      }
    }
    // undated: a bare surname every top office holder of which acted for one country ("Bush")
    if (this.peopleDate === null && it.known && !it.doubtful && !it.title && !it.hint && it.keys.length === 1) {
      const c = this.unanimousCountry(it, text, true);
      if (c) {
        this.push({ start: it.start, end: it.end, actor: c, country: c, sector: 'GOV', role: null, person: text, resolvedBy: 'alias' }, it.sentence, 'person', null, it.subject, undefined, undefined, text);
        return;
      }
    }
    // an unknown person the text places in a country
    if (it.hint) {
      let role: string | null = null;
      if (it.roleTitle && it.title && it.blocked === null) role = this.kb.officeFor(it.hint, it.title);
      const sector = it.blocked === 'former' ? 'ELI' : it.sector ?? 'GOV';
      const draft: MentionDraft = { start: it.start, end: it.end, actor: it.hint, country: it.hint, sector: it.title || it.sector ? sector : null, role, person: text, resolvedBy: 'title+name' };
      if (!it.title && !it.sector) draft.resolvedBy = 'name';
      this.push(draft, it.sentence, 'person', null, it.subject, undefined, undefined, text);
      return;
    }
    if (it.keys.length >= 2 && !it.doubtful) this.unknownNames.push({ keys: new Set(it.keys), start: it.start, text });
    if (it.known && !it.doubtful) this.note('actors:unresolved-name', it, `"${text}" is a KB name but denotes no one person on ${this.date}: left unresolved`);
  }

  /**
   * A known one-word name with no title, no country and no antecedent ("Putin said"): only when
   * the person holds a top office on the date (head of state or government, foreign or defence
   * minister, secretary-general, head of an international organisation: "ElBaradei said"); a
   * surname several KB people share only for a head of state or government.
   */
  private bareOk(it: NameItem, p: Person): boolean {
    if (it.title || it.hint || it.full || it.keys.length > 1) return true;
    // a surname that is also a given name or a nationality word ("Martin", "English") needs the full name first
    if (this.kb.lookupName(this.text.slice(it.nameStart, it.nameEnd)).some((e) => e.kind === 'person' && e.ambiguous?.includes('given-name'))) return false;
    const roles = this.rolesOn(p.id).filter((r) => TOP_OFFICES.has(r.role));
    if (roles.length === 0) return false;
    // a surname several KB people share (often a given name too: "Ibrahim") only for a head of state or government
    const shared = this.kb.lookupName(this.text.slice(it.nameStart, it.nameEnd)).some((e) => e.kind === 'person' && e.ambiguous?.includes('shared-surname'));
    return !shared || roles.some((r) => r.role === 'head of state' || r.role === 'head of government');
  }

  private roleRef(noun: string, it: Item): void {
    const fits = (r: Ref): boolean => {
      if (r.entity !== 'person' || !r.mention.role || !r.mention.country) return false;
      const word = ROLE_WORDS[noun];
      if (word) return word.test(r.mention.role) || (r.personId !== null && this.rolesOn(r.personId).some((x) => word.test(x.title ?? '')));
      return this.kb.officeFor(r.mention.country, noun) === r.mention.role;
    };
    const hit = this.pick(it, fits);
    if (hit === 'ambiguous') {
      this.note('actors:ambiguous-reference', it, `"${this.text.slice(it.start, it.end)}" may denote several people named before: left unresolved`);
      return;
    }
    if (hit) this.push(this.follow(hit, it.start, it.end, 'coref:title'), it.sentence, 'person', hit.personId, it.subject, hit.mention.id, hit.personId ? this.kb.person(hit.personId) : undefined, hit.mention.person ?? undefined);
  }

  /**
   * The person a reference at `it` denotes: in the same sentence, the subject before it; else in the
   * nearest earlier sentence with fitting people, the only one, or the only subject among them.
   */
  private pick(it: Item, fits: (r: Ref) => boolean): Ref | 'ambiguous' | undefined {
    const bySentence = new Map<number, Ref[]>();
    for (const r of this.recent(it)) {
      if (!fits(r)) continue;
      const list = bySentence.get(r.mention.sentence) ?? [];
      list.push(r);
      bySentence.set(r.mention.sentence, list);
    }
    const sentences = [...bySentence.keys()].sort((a, b) => b - a);
    for (const s of sentences) {
      const list = bySentence.get(s)!;
      const people = distinct(list);
      if (s === it.sentence) {
        const subjects = distinct(list.filter((r) => r.subject));
        if (subjects.length === 1) return subjects[0];
        if (people.length === 1) return people[0];
        if (subjects.length > 1 || people.length > 1) return 'ambiguous';
        continue;
      }
      if (people.length === 1) return people[0];
      const subjects = distinct(list.filter((r) => r.subject));
      return subjects.length === 1 ? subjects[0] : 'ambiguous';
    }
    return undefined;
  }

  private pronoun(it: Item & { form: string }): void {
    const hit = this.pick(it, (r) => r.entity === 'person');
    if (hit === 'ambiguous') {
      this.note('actors:ambiguous-pronoun', it, `"${this.text.slice(it.start, it.end)}" may denote several people: left unresolved`);
      return;
    }
    if (!hit) return;
    this.push(this.follow(hit, it.start, it.end, 'coref:pronoun'), it.sentence, 'person', hit.personId, it.subject, hit.mention.id, hit.personId ? this.kb.person(hit.personId) : undefined, hit.mention.person ?? undefined);
  }

  private possessive(it: Item & { pronoun: string; sector: string | null }): void {
    const hit = this.pick(it, (r) => r.entity === 'person' && r.mention.country !== null);
    if (hit === 'ambiguous') {
      this.note('actors:ambiguous-pronoun', it, `"${this.text.slice(it.start, it.end)}" may belong to several people: left unresolved`);
      return;
    }
    if (!hit) return;
    const c = hit.mention.country!;
    this.push({ start: it.start, end: it.end, actor: c, country: c, sector: it.sector, role: null, person: null, resolvedBy: 'coref:possessive' }, it.sentence, this.kb.country(c) ? 'state' : 'org', null, it.subject, hit.mention.id);
  }

  /** The two actors under discussion before `it`, or undefined (with a diagnostic) when unclear. */
  private pair(it: Item & { what: 'country' | 'person'; sector: string | null; splitToken: number }): void {
    const keyOf = (r: Ref): string | null => (it.what === 'person' ? (r.entity === 'person' ? r.personId ?? `text:${r.mention.person}` : null) : r.mention.country);
    const scopes = new Map<number, Map<string, Ref>>();
    for (const r of this.recent(it)) {
      const k = keyOf(r);
      if (!k) continue;
      const m = scopes.get(r.mention.sentence) ?? new Map<string, Ref>();
      if (!m.has(k)) m.set(k, r); // most recent record of each member
      scopes.set(r.mention.sentence, m);
    }
    const order = [...scopes.keys()].sort((a, b) => b - a);
    let acc: Map<string, Ref> | undefined;
    let pair: Ref[] | undefined;
    for (const s of order) {
      const m = scopes.get(s)!;
      if (!acc) {
        if (m.size === 2) {
          pair = [...m.values()];
          break;
        }
        if (m.size === 1) {
          acc = m;
          continue;
        }
        break; // three or more: unclear
      }
      const union = new Map([...m, ...acc]);
      if (union.size === 2) pair = [...union.values()];
      break;
    }
    if (!pair) {
      this.note('actors:ambiguous-pair', it, `"${this.text.slice(it.start, it.end)}": the two ${it.what === 'person' ? 'people' : 'actors'} meant cannot be told: left unresolved`);
      return;
    }
    pair.sort((a, b) => a.mention.start - b.mention.start);
    const splitAt = this.splitOffset(it);
    const spans: [number, number][] = [
      [it.start, splitAt.firstEnd],
      [splitAt.secondStart, it.end],
    ];
    pair.forEach((r, i) => {
      const [start, end] = spans[i];
      const d = this.follow(r, start, end, 'coref:pair');
      if (it.what === 'country') {
        d.actor = r.mention.country!;
        d.person = null;
        d.role = null;
        d.sector = it.sector;
      }
      this.push(d, it.sentence, it.what === 'person' ? 'person' : r.entity === 'person' ? 'state' : r.entity, it.what === 'person' ? r.personId : null, it.subject, r.mention.id, it.what === 'person' && r.personId ? this.kb.person(r.personId) : undefined);
    });
  }

  /** Character offsets that split a pair phrase between its two members. */
  private splitOffset(it: Item & { splitToken: number }): { firstEnd: number; secondStart: number } {
    const text = this.text;
    // the split token's start; the first part ends at the last non-space before it
    const spanText = text.slice(it.start, it.end);
    const words = [...spanText.matchAll(/\S+/g)];
    const last = words[words.length - 1];
    const secondStart = it.start + (last.index ?? 0);
    let firstEnd = secondStart;
    while (firstEnd > it.start && /\s/.test(text[firstEnd - 1])) firstEnd--;
    return { firstEnd, secondStart };
  }

  /** "the group", "the militant group": the one armed group or movement of the nearest earlier sentence naming one. */
  private groupNoun(it: Item & { noun: string }): void {
    const scopes = new Map<number, Map<string, Ref>>();
    for (const r of this.recent(it)) {
      const g = r.mention.country;
      if (!g || !this.kb.group(g)) continue;
      const m = scopes.get(r.mention.sentence) ?? new Map<string, Ref>();
      if (!m.has(g)) m.set(g, r);
      scopes.set(r.mention.sentence, m);
    }
    const nearest = [...scopes.keys()].sort((a, b) => b - a)[0];
    if (nearest === undefined) return;
    const m = scopes.get(nearest)!;
    if (m.size !== 1) {
      this.note('actors:ambiguous-reference', it, `"${this.text.slice(it.start, it.end)}" may denote ${[...m.keys()].join(' or ')}: left unresolved`);
      return;
    }
    const r = [...m.values()][0];
    const g = r.mention.country!;
    this.push({ start: it.start, end: it.end, actor: g, country: g, sector: this.kb.group(g)?.sector ?? null, role: null, person: null, resolvedBy: 'coref:group' }, it.sentence, 'group', null, it.subject, r.mention.id);
  }

  /**
   * "the government", "officials", "the army": that body of the one state named in the nearest
   * earlier sentence that names states (the headline counts), e.g. "Sudan rejects UN plan. The
   * government said ..." (`coref:sector`). Left alone when that sentence names several states.
   */
  private sectorRef(it: Item & { sector: string }): void {
    const scopes = new Map<number, Map<string, Ref>>();
    for (const r of this.recent(it)) {
      const c = r.mention.country;
      if (!c || !this.kb.country(c)?.independent) continue;
      const m = scopes.get(r.mention.sentence) ?? new Map<string, Ref>();
      if (!m.has(c)) m.set(c, r);
      scopes.set(r.mention.sentence, m);
    }
    const nearest = [...scopes.keys()].sort((a, b) => b - a)[0];
    const m = nearest === undefined ? new Map<string, Ref>() : scopes.get(nearest)!;
    // the dateline's state settles it when nothing is named, or when it is one of the states named
    const home = this.homeCountry;
    if (home && (m.size === 0 || (m.size > 1 && m.has(home)))) {
      this.push({ start: it.start, end: it.end, actor: home, country: home, sector: it.sector, role: null, person: null, resolvedBy: 'coref:sector' }, it.sentence, 'state', null, it.subject, m.get(home)?.mention.id);
      return;
    }
    if (m.size === 0) return;
    if (m.size !== 1) {
      this.note('actors:ambiguous-reference', it, `"${this.text.slice(it.start, it.end)}" may belong to ${[...m.keys()].join(' or ')}: left unresolved`);
      return;
    }
    const r = [...m.values()][0];
    const c = r.mention.country!;
    this.push({ start: it.start, end: it.end, actor: c, country: c, sector: it.sector, role: null, person: null, resolvedBy: 'coref:sector' }, it.sentence, 'state', null, it.subject, r.mention.id);
  }

  private countryNoun(it: Item & { noun: string }): void {
    const kingdom = it.noun === 'kingdom' || it.noun === 'monarchy' || it.noun === 'emirate' || it.noun === 'sultanate';
    const isMonarchy = (c: string): boolean => this.kb.officeHolders(c, 'head of state', this.date).some((p) => this.kb.rolesOf(p.id, this.date).some((r) => r.country === c && MONARCH_TITLES.test(r.title ?? '')));
    const scopes = new Map<number, Map<string, Ref>>();
    for (const r of this.recent(it)) {
      const c = r.mention.country;
      if (!c || !this.kb.country(c)?.independent) continue;
      if (kingdom && !isMonarchy(c)) continue;
      const m = scopes.get(r.mention.sentence) ?? new Map<string, Ref>();
      if (!m.has(c)) m.set(c, r);
      scopes.set(r.mention.sentence, m);
    }
    const nearest = [...scopes.keys()].sort((a, b) => b - a)[0];
    if (nearest === undefined) return;
    const m = scopes.get(nearest)!;
    if (m.size !== 1) {
      this.note('actors:ambiguous-reference', it, `"${this.text.slice(it.start, it.end)}" may denote ${[...m.keys()].join(' or ')}: left unresolved`);
      return;
    }
    const r = [...m.values()][0];
    const c = r.mention.country!;
    this.push({ start: it.start, end: it.end, actor: c, country: c, sector: null, role: null, person: null, resolvedBy: 'coref:country' }, it.sentence, 'state', null, it.subject, r.mention.id);
  }
}

/** One record per distinct actor (person id or mention actor), most recent first. */
function distinct(list: Ref[]): Ref[] {
  const seen = new Set<string>();
  const out: Ref[] = [];
  for (const r of list) {
    const k = r.personId ?? `${r.mention.actor}|${r.mention.person ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}
