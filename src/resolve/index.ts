/** Cross-document resolution: story clusters of near-duplicate documents and merged events. */
export { resolveAll, resolveDocuments, resolveNewDocuments } from './resolve.js';
export type { ResolveRun } from './resolve.js';
export { resolveChunk, mergedId } from './resolve-chunk.js';
export type { ResolveOptions, ResolveSummary } from './resolve-chunk.js';
export { compatibleCodes, compatibleDates, DATE_TOLERANCE, STORY_TOLERANCE } from './coreference.js';
export { isNearDuplicate, similarity, estimatedContainment, NEAR_DUPLICATE } from './near-duplicate.js';
export { storySignature, storyShingles, bandKeys } from './signature.js';
