/**
 * Lookup tables keyed by words from the input (tokens, file extensions, tag names, flags). A
 * plain object literal inherits `constructor`, `toString`, `valueOf` … from Object.prototype, so
 * `TABLE[word]` answers a function for the word "constructor" and `word in TABLE` is true for it.
 * `table()` copies the entries into an object without a prototype: only the listed keys exist.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
