/**
 * Time expressions and event dates. Importing this module registers the `times` stage.
 */
import { registerStage } from '../pipeline.js';
import { timesStage } from './stage.js';

export { annotateTimes, timesStage } from './stage.js';
export { resolveTimes, scanTimes, referenceDay } from './resolve-times.js';
export type { ResolvedTime, RejectedTime, TimeScan } from './resolve-times.js';
export { findDateline } from './dateline.js';
export type { Dateline } from './dateline.js';
export { eventDate, isBackgroundDate } from './event-date.js';
export type { EventDate, EventDateOptions, BackgroundOptions } from './event-date.js';
export { calendarDay } from './calendar.js';

registerStage(timesStage);
