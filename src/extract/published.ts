import type { MetaIndex } from './metadata.js';
export interface Dated { date: string; from: string }
export function findPublished(_d: Document, _m: MetaIndex, _o: { url?: string }): Dated | undefined { return undefined; }
export function publishedFromText(_lines: string[]): Dated | undefined { return undefined; }
