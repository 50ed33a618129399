/**
 * The evaluation library behind `parley eval`: gold readers, scoring, reports and floors.
 */
export { readGold, parseGold, formatProblem, GoldSet } from './gold.js';
export type { GoldDoc, GoldEvent, GoldProblem } from './gold.js';
export { toPredEvent } from './pred-event.js';
export type { PredEvent } from './pred-event.js';
export { scoreEvents, ratio, f1 } from './score-events.js';
export type { EventScore, Figures, RootCounts, FalsePositive, FalseNegative, DateMiss, ScoreOptions } from './score-events.js';
export { maxMatching } from './bipartite.js';
export { formatReport, reportJson, fmt } from './report.js';
export type { EvalResult, ReportOptions } from './report.js';
export { compareFloors, readFloors, formatFloorCheck } from './floors.js';
export type { FloorsTable, Floor, FloorCheck, FloorFailure, HasFigures } from './floors.js';
export type { EvalItem, LoadedSet } from './eval-item.js';
export {
  loadPloverGsr,
  scorePloverGsr,
  scoreActorCodes,
  rootFitsPlover,
  actorCodeMatches,
  primaryPrediction,
  ROOT_TO_PLOVER05,
  PLOVER_GSR_SET,
} from './plover-gsr.js';
export type { PloverGsrGold, PloverGsrScore, ActorCodeScore } from './plover-gsr.js';
export { loadConflibert, scoreConflibert, rootOfCoderValue, CONFLIBERT_SET } from './conflibert.js';
export type { ConflibertGold, ConflibertScore, ConflibertSet, CoderAgreement } from './conflibert.js';
export { loadPetrarchUnit, scorePetrarchUnit, PETRARCH_UNIT_SET } from './petrarch-unit.js';
export type { PetrarchGold, PetrarchScore, PetrarchSet, PetrarchExpected } from './petrarch-unit.js';
export { IGO_CODES, isCameoCode, isCountryCode, normaliseCountry, normaliseRoot, rootOfCode } from './codes.js';
export { goldSetPaths, loadCorpusSet } from './sets.js';
export type { SetKind, SetLocation } from './sets.js';
export { pipelineCoder, evaluateSet, evaluateGoldDates } from './run.js';
export { scoreGoldDates, findQuotedSentence } from './gold-dates.js';
export type { GoldDateScore, GoldDateMiss } from './gold-dates.js';
export type { Coder, PipelineCoderOptions, SetRun } from './run.js';
