/**
 * The actors area: the knowledge base (kb.ts), the gazetteer recogniser, dated role resolution
 * and coreference. Importing this module registers the `actors` stage.
 */
import { registerStage } from '../pipeline.js';
import { actorsStage } from './stage.js';

export { Kb, loadKb, roleValidOn, caseAllows } from './kb.js';
export type { LoadOptions, LookupOptions, KbData } from './kb.js';
export type * from './kb-types.js';
export { normName } from './kb-normalize.js';
export { actorsStage, makeActors, recogniseDoc, documentDate } from './stage.js';
export type { ActorsOptions, DocumentDate } from './stage.js';
export { Recogniser } from './recognise.js';
export type { Item, MentionDraft, Entity, MentionItem, NameItem, RoleItem, PronounItem, PairItem, PossessiveItem, CountryNounItem } from './recognise.js';
export { Coref } from './coref.js';
export { gazetteerOf, buildGazetteer, foldToken } from './recognise-gazetteer.js';
export type { Gazetteer } from './recognise-gazetteer.js';
export { personFacts, personNameKeys, titledHolder } from './recognise-people.js';
export type { PersonFacts } from './recognise-people.js';
export { formatMentions } from './format.js';

registerStage(actorsStage);
