/**
 * The event coder: CAMEO table, lexicon, clause analysis, guards and the `code` stage.
 * Importing this module registers the `code` stage.
 */
import { registerStage } from '../pipeline.js';
import { codeStage } from './stage.js';

export { loadCameo, cameoTable } from './cameo.js';
export type { CameoTable, CameoCode } from './cameo.js';
export { loadLexicon, readLexiconDir, parseLexiconFile, lexiconOf } from './lexicon.js';
export type { Lexicon, Pattern, TargetSlot, ExpectedEvent, PatternExample, LexiconProblem } from './lexicon.js';
export { SentenceView, isTitleCase } from './clause.js';
export type { NounPhrase, VerbGroup } from './clause.js';
export { assessTrigger, futureCode } from './guards.js';
export type { Assessment, Modality } from './guards.js';
export { matchSentence } from './match.js';
export type { Candidate, Refusal, Frame } from './match.js';
export { codeDoc, codeStage, eventId } from './stage.js';
export type { CodeOptions } from './stage.js';
export { inflect, FormIndex } from './inflect.js';

registerStage(codeStage);
