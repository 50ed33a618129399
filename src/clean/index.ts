/**
 * The clean area: boilerplate rules, near-duplicate paragraphs, shingles and MinHash fingerprints.
 * Importing this module registers the `clean` stage.
 */
import { registerStage } from '../pipeline.js';
import { cleanStage } from './stage.js';

export { cleanStage, makeClean, CLEAN_DEFAULTS, CLEAN_RULE_NAMES } from './stage.js';
export type { CleanOptions } from './stage.js';
export { BLOCK_RULES } from './rules.js';
export type { NamedRule } from './rules.js';
export type { BlockContext, BlockRule, RuleHit, RuleReason } from './rule.js';
export { findNearDuplicates, DUPLICATE_DEFAULTS } from './duplicates.js';
export type { DuplicateMatch, DuplicateOptions } from './duplicates.js';
export { normalizedWords, wordShingles, jaccard, containment, intersectionSize } from './shingles.js';
export { MinHasher, LshIndex, estimateJaccard, hash32 } from './minhash.js';
export type { MinHashOptions, LshOptions } from './minhash.js';
export { scoreDropLines } from './eval.js';
export type { DropScore } from './eval.js';

registerStage(cleanStage);
