/**
 * The record types of the actor knowledge base: what `data/kb/*.json` holds (written by
 * `buildKb`) and what the lookup API (`Kb`) returns.
 *
 * Dates are ISO `YYYY-MM-DD`. A role is valid on `date` when `from <= date < to` (half-open, so on
 * the day of a hand-over the new holder holds the office); `to: null` means still open at the end
 * of the data. `toUncertain` says `to` is the last date the source confirms, not a known end.
 */

/** Offices the KB dates. Other strings may appear in user overlays. */
export type RoleName =
  | 'head of state'
  | 'head of government'
  | 'deputy head of state'
  | 'deputy head of government'
  | 'representative of head of state'
  | 'foreign minister'
  | 'defence minister'
  | 'secretary-general'
  | (string & {});

export const ROLE_NAMES: readonly RoleName[] = [
  'head of state',
  'head of government',
  'deputy head of state',
  'deputy head of government',
  'representative of head of state',
  'foreign minister',
  'defence minister',
  'secretary-general',
];

/** Kinds of name-index entries. */
export type EntryKind =
  | 'country'
  | 'capital'
  | 'building'
  | 'demonym'
  | 'igo'
  | 'body'
  | 'group'
  | 'person'
  | 'sector-noun'
  | 'role-noun';

/**
 * Why a name needs care. `common-word`: an English word when written in lower case ("turkey",
 * "chad", "may"); `person-name`: also a given or family name ("Jordan", "Victoria"); `place-elsewhere`:
 * also another well-known place ("Georgia" the US state, "Tripoli" in Lebanon); `shared`: the name
 * denotes several KB entries of the same kind ("Korean", "Congo"); `shared-surname`: a surname of
 * several people; `generic`: a generic noun that only denotes the entry in context ("senate");
 * `compound`: a combining form that also builds region words ("Indo-Pacific"); `given-name`: a
 * surname that is also a common given name or a nationality word ("Simon", "Martin", "English"):
 * alone it names the person only after the article has named them.
 */
export type Ambiguity =
  | 'common-word'
  | 'person-name'
  | 'place-elsewhere'
  | 'shared'
  | 'shared-surname'
  | 'generic'
  | 'compound'
  | 'given-name'
  | (string & {});

/**
 * How the original case must look for a match: `exact` (acronyms whose lower-case form is a word:
 * "US", "WHO"), `upper` (first letter upper case: "Turkey", "May"); absent = any case.
 */
export type CaseRule = 'exact' | 'upper';

/** One candidate for a normalised name. */
export interface KbEntry {
  kind: EntryKind;
  /** Country code, organisation code, group code, person id, sector code or role-noun key. */
  id: string;
  /** The name as written in the source (original case), e.g. "U.S.", "the Kremlin" → "Kremlin". */
  form: string;
  /** What kind of name this is: name, official, alt, abbrev, former, demonym, plural, prefix, capital, seat, building, acronym, full, short, surname, noun. */
  via: string;
  /** The state, organisation or group the entry acts for (ISO3, IGO code, group code), or null. */
  country: string | null;
  /** CAMEO agent code (GOV, MIL, …) the entry implies, or null. */
  sector: string | null;
  /** For role nouns: the default office; for sector nouns: null. */
  role?: string;
  case?: CaseRule;
  ambiguous?: Ambiguity[];
}

export interface Building {
  name: string;
  sector: string;
}

export interface Country {
  code: string;
  /** Other codes that denote the same entity (e.g. Kosovo: UNK, KSV). */
  codes?: string[];
  name: string;
  official: string | null;
  /** All names, including `name` and `official`, abbreviations and former names. */
  names: string[];
  demonyms: string[];
  prefixes: string[];
  capitals: string[];
  /** Seats of government used as metonyms when they differ from the capital. */
  seats: string[];
  buildings: Building[];
  /**
   * Cities and regions other than the capital ("Najaf", "Darfur"): the country as a place, or its
   * people when they act there; never its government. Absent when there are none.
   */
  places?: string[];
  independent: boolean;
  unMember: boolean;
  /** For territories: the state that administers them. */
  parent: string | null;
  /** Local office titles → roles ("president" → "head of government" in Iran). */
  offices: Record<string, RoleName[]>;
  cow: number | null;
  gec: string | null;
}

export interface Org {
  code: string;
  kind: 'igo' | 'body';
  /** For bodies: the organisation they act for (UNO for the UN Security Council). */
  parent: string | null;
  name: string;
  acronyms: string[];
  names: string[];
  qid: string | null;
  /** CAMEO agent code implied by a body ("European Parliament" → LEG), or null. */
  sector: string | null;
}

export interface Group {
  code: string;
  name: string;
  names: string[];
  /** Home country (ISO3) or null for transnational groups. */
  country: string | null;
  sector: string;
}

export interface Role {
  country: string;
  role: RoleName;
  /** The title as the source gives it ("Acting President", "Supreme Leader"). */
  title: string | null;
  sector: string;
  from: string | null;
  to: string | null;
  toUncertain?: boolean;
  acting?: boolean;
  /** Source id (factbook, wikidata, countryinfo, archigos, reign, overlay:<file>). */
  source: string;
}

export interface Person {
  id: string;
  name: string;
  /** Full-name aliases (including `name`). */
  aliases: string[];
  /** Surname-style short forms ("Xi", "Pezeshkian"). */
  surnames: string[];
  qid: string | null;
  roles: Role[];
}

export interface Sector {
  code: string;
  label: string;
  /** Nouns that signal the sector ("police", "troops"). */
  nouns: string[];
}

export interface RoleNoun {
  /** The noun as written ("prime minister"). */
  noun: string;
  /** Default office when no country-specific one applies; null if the noun has no default. */
  role: RoleName | null;
  sector: string;
  /** Per-country office where it differs ("secretary of state" → USA: foreign minister). */
  countries: Record<string, RoleName>;
}

export interface SourceInfo {
  id: string;
  name: string;
  commit: string | null;
  licence: string;
  coverageEnd: string | null;
}

export interface KbMeta {
  format: number;
  sources: SourceInfo[];
  /** Latest role date per source (the staleness check reads it). */
  latest: Record<string, string>;
  counts: Record<string, number>;
}

/** A row of `names.json`: [kind, id, form, via, country, sector, role, case, ambiguous]. */
export type NameRow = [
  EntryKind,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  CaseRule | null,
  Ambiguity[] | null,
];

/** The name index as stored: normalised name → rows. */
export type NameIndex = Record<string, NameRow[]>;

/** What `lookupPhrase` returns. */
export interface PhraseMatch {
  person: Person | undefined;
  country: string;
  sector: string;
  role: RoleName | null;
  /** The role noun recognised in the phrase. */
  noun: string;
}
