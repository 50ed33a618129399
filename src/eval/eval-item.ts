/**
 * What every evaluation loader returns: texts the coder can be run on, keyed by id, with the
 * gold labels kept apart so that the coder never sees them.
 */

/** One text to code: a document or a single sentence. */
export interface EvalItem {
  id: string;
  text: string;
  /** Publication (or reference) date of the text, when the set gives one. */
  published?: string;
  /** The record's title, when the set gives one (the clean stage compares headlines with it). */
  title?: string;
}

/** A loaded evaluation set: items, gold labels by item id, and the problems met while reading. */
export interface LoadedSet<G> {
  /** The set name used in reports and in eval/floors.json. */
  set: string;
  items: EvalItem[];
  gold: Map<string, G>;
  problems: string[];
}
