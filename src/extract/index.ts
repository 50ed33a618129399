/**
 * The extract area: HTML → blocks (Readability on linkedom, block building, fallbacks, paragraph
 * recovery, markup-evident boilerplate), page metadata, the publication-date cascade and
 * `parseDate`. Importing this module registers the `extract` stage.
 */
import { registerStage } from '../pipeline.js';
import { extractStage } from './stage.js';

export { extractStage, makeExtract, layoutBlocks, EXTRACT_DEFAULTS } from './stage.js';
export type { ExtractOptions } from './stage.js';
export { extractHtml, domDepth } from './html.js';
export type { HtmlBlock, HtmlExtraction, ExtractHtmlOptions, ExtractMethod } from './html.js';
export { parseDate, isoDay, monthNumber } from './parse-date.js';
export type { ParseDateOptions } from './parse-date.js';
export { findPublished, publishedFromText, dateFromUrl, dateInText, slashOrder, PUBLISHED_META, MODIFIED_META } from './published.js';
export type { Dated, FindPublishedOptions } from './published.js';
export { parseDocument } from './dom.js';
export { collectBlocks, normaliseSpace, isHidden, textLengths } from './blocks.js';
export type { DomBlock, TextLengths } from './blocks.js';
export { markBoilerplate, classWords, isProse, wordCount } from './boilerplate.js';
export type { MarkedBlock } from './boilerplate.js';
export { densestContainer, nonLinkLength } from './fallback.js';
export { recoverParagraphs, snapshotPage } from './recover.js';
export type { PageBlock, Recovery } from './recover.js';
export { indexMeta, firstMeta, readMetadata, absoluteUrl } from './metadata.js';
export type { MetaIndex, PageMetadata } from './metadata.js';

registerStage(extractStage);
