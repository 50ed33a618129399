/**
 * Guards against over-generation. Each trigger is assessed before it becomes an event: negated
 * ("did not condemn", "refused to meet", "denied that ..."), hypothetical or conditional ("could
 * impose", "if ... would", "considering"), embedded under another verb ("urged X to attack"), a
 * question, or announced for the future ("will visit", "agreed to meet", "Bush to visit China"),
 * which is coded as an intent (03x) or a threat (13x) instead of the act itself.
 *
 * Every refusal leaves an `info` diagnostic with one of the rule ids below (listed in
 * docs/diagnostics.md): `code:negated`, `code:hypothetical`, `code:embedded`, `code:question`,
 * `code:background`, `code:no-source`, `code:no-target`, `code:same-actor`, `code:future-dropped`.
 */
import type { CameoTable } from './cameo.js';
import type { SentenceView, VerbGroup } from './clause.js';
import { SPEECH_VERBS } from './clause.js';
import type { Pattern } from './lexicon.js';

export type Modality = 'asserted' | 'future' | 'refused' | 'attempted' | 'negated' | 'hypothetical' | 'embedded' | 'question';

export interface Assessment {
  modality: Modality;
  /** For 'future': whether the announcement is a threat ("will strike", "vowed to") or an intent. */
  threat?: boolean;
  /** Diagnostic rule id when the trigger is not coded as an act. */
  ruleId?: string;
  reason?: string;
}

/** Governors of an infinitive that negate it ("failed to meet"). */
const NEGATING = new Set(['fail', 'deny', 'avoid', 'cease', 'stop', 'quit', 'halt', 'suspend', 'end', 'unable', 'unwilling', 'reluctant', 'hesitate', 'neglect']);
/** Governors that refuse it: coded as a rejection (12x) where CAMEO has one ("refused to meet" → 125). */
const REFUSING = new Set(['refuse', 'decline', 'reject', 'refusal']);
/** Governors that attempt it ("tried to assassinate" → 185). */
const ATTEMPTING = new Set(['try', 'attempt', 'bid', 'effort']);
/** Governors that leave it hypothetical ("considering", "could", "tried to"). */
const HYPOTHETICAL = new Set([
  'consider',
  'mull',
  'weigh',
  'try',
  'attempt',
  'need',
  'able',
  'likely',
  'unlikely',
  'possible',
  'may',
  'might',
  'could',
  'would',
  'should',
  'must',
  'can',
  'ought',
  'have',
  'propose',
  'suggest',
  'debate',
  'proposal',
  'call',
  'appeal',
  'demand',
  'request',
]);
/** Governors (and the modal "will") under which a conflictual act is a threat ("vowed to strike"). */
const THREAT = new Set(['threaten', 'warn', 'vow', 'pledge', 'promise', 'swear', 'will', 'shall', 'threat']);
/** Governors that announce it as intended ("agreed to meet", "plans to visit", "ready to"). */
const INTENT = new Set([
  'agree',
  'pledge',
  'promise',
  'vow',
  'offer',
  'plan',
  'intend',
  'want',
  'wish',
  'hope',
  'aim',
  'seek',
  'prepare',
  'expect',
  'resolve',
  'commit',
  'willing',
  'ready',
  'prepared',
  'set',
  'due',
  'eager',
  'keen',
  'determined',
  'poised',
  'going',
  'about',
  'be',
  'schedule',
  'scheduled',
  'expected',
  'undertake',
  'willingness',
  'readiness',
  'desire',
  'intention',
  'intent',
  'commitment',
  'determination',
  'pledge',
  'invitation',
  'agreement',
  'threat',
  'preparation',
  'threaten',
  'warn',
  'swear',
  'stand',
]);
/** Governors that pass the act through as done ("began to withdraw"). */
const PASS = new Set(['begin', 'start', 'continue', 'resume', 'manage', 'proceed', 'go', 'keep', 'move', 'help', 'decide', 'decision', 'intensify', 'step', 'claim', 'say', 'report']);
/** Verbs and nouns of demanding before "that": the clause after it is the act demanded, not done. */
const MANDATIVE = new Set(['demand', 'urge', 'ask', 'request', 'propose', 'recommend', 'require', 'order', 'call', 'appeal', 'proposal', 'recommendation', 'requirement', 'insistence', 'plea']);
/** Nouns or verbs before "that" which make the clause after it unasserted. */
const DENIAL = new Set(['deny', 'denial', 'denied', 'dismiss', 'reject', 'refute']);
const ALLEGATION = new Set([
  'rumor',
  'rumour',
  'speculation',
  'allegation',
  'accusation',
  'charge',
  'claim',
  'report',
  'suggestion',
  'notion',
  'idea',
  'assertion',
  'fear',
  'concern',
  'possibility',
  'prospect',
  'chance',
  'whether',
  'hope',
  'expectation',
]);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'lest']);

/** The state of the trigger at `v` with verb group `g` (see the module comment). */
export function assessTrigger(view: SentenceView, v: number, g: VerbGroup, depth = 0): Assessment {
  if (view.question) return { modality: 'question', ruleId: 'code:question', reason: 'the sentence is a question' };
  if (g.negated) {
    // "will not meet X", "won't release the prisoners", "said it would not negotiate": a refusal,
    // coded as a rejection (12x) where the act has one ("refused to meet" → 125)
    if (g.modal === 'will' || g.modal === 'shall' || (g.modal === 'would' && view.reported(g.start))) return { modality: 'refused' };
    return { modality: 'negated', ruleId: 'code:negated', reason: `'${view.surface(v)}' is negated` };
  }
  const cond = conditionalBefore(view, g.start);
  if (cond !== undefined) {
    return { modality: 'hypothetical', ruleId: 'code:hypothetical', reason: `'${view.surface(v)}' is in a '${view.surface(cond)}' clause` };
  }
  const unasserted = unassertedComplement(view, g.start);
  if (unasserted) return unasserted;
  let modality: Modality = 'asserted';
  if (g.modal) {
    const m = g.modal;
    // "warned that its missiles could hit X": a hedged act in a warning is a threat.
    const rv = reportingVerb(view, g.start);
    if (rv !== undefined && (view.lemma(rv) === 'warn' || view.lemma(rv) === 'threaten') && m !== 'must' && m !== 'should') {
      return { modality: 'future', threat: true };
    }
    if (m === 'will' || m === 'shall' || (m === 'would' && view.reported(g.start))) {
      if (!g.infinitive) return { modality: 'future', threat: true };
      modality = 'future';
    }
    else return { modality: 'hypothetical', ruleId: 'code:hypothetical', reason: `'${view.surface(v)}' follows the modal '${m}'` };
  }
  if (g.infinitive) {
    if (g.governor !== undefined) {
      const gov = g.governor;
      const word = view.pos(gov) === 'ADJ' || view.pos(gov) === 'PROPN' ? view.norm(gov) : view.lemma(gov);
      // The governor's own clause decides first ("did not agree to", "may decide to").
      const host = view.hostOf(gov);
      const govGroup = view.verbGroup(host);
      const outer = depth < 3 ? assessTrigger(view, host, govGroup, depth + 1) : { modality: 'asserted' as Modality };
      if (outer.modality === 'negated' || outer.modality === 'hypothetical' || outer.modality === 'question') return outer;
      if (outer.modality === 'refused' || outer.modality === 'attempted' || outer.modality === 'embedded') return outer;
      if (NEGATING.has(word)) return { modality: 'negated', ruleId: 'code:negated', reason: `'${view.surface(v)}' is governed by '${view.surface(gov)}'` };
      if (REFUSING.has(word)) return { modality: 'refused' };
      if (ATTEMPTING.has(word)) return { modality: 'attempted' };
      if (INTENT.has(word)) return { modality: 'future', threat: THREAT.has(word) };
      if (HYPOTHETICAL.has(word)) {
        return { modality: 'hypothetical', ruleId: 'code:hypothetical', reason: `'${view.surface(v)}' is governed by '${view.surface(gov)}'` };
      }
      if (PASS.has(word)) return outer.modality === 'future' ? outer : { modality };
      return { modality: 'embedded', ruleId: 'code:embedded', reason: `'${view.surface(v)}' is the complement of '${view.surface(gov)}'` };
    }
    const c = g.controller;
    if (
      c &&
      c.end - c.start <= 5 &&
      !view.tokens.slice(c.start, c.end).some((t) => t.pos === 'ADP' || t.pos === 'VERB') &&
      (c.start === 0 || view.isClauseBreak(c.start - 1) || view.norm(c.start - 1) === ',' || view.norm(c.start - 1) === ':')
    ) {
      // Headline future: "Bush to visit China", "German leader to arrive in China".
      return { modality: 'future', threat: true };
    }
    return { modality: 'embedded', ruleId: 'code:embedded', reason: `'${view.surface(v)}' is an infinitive complement` };
  }
  return { modality };
}

/** The nearest speech verb before `start` in the sentence (the verb that reports the clause). */
function reportingVerb(view: SentenceView, start: number): number | undefined {
  for (let k = start - 1; k >= 0; k--) if (view.isVerb(k) && SPEECH_VERBS.has(view.lemma(k))) return k;
  return undefined;
}

/** A conditional word ("if", "unless") before the verb group in the same comma-delimited stretch. */
function conditionalBefore(view: SentenceView, start: number): number | undefined {
  for (let k = start - 1; k >= 0; k--) {
    const n = view.norm(k);
    if (n === ',' || n === ';' || n === ':') return undefined;
    if (CONDITIONALS.has(n)) return k;
  }
  return undefined;
}

/** "denied that X attacked", "rumours that X will", "whether X will": the clause is not asserted. */
function unassertedComplement(view: SentenceView, start: number): Assessment | undefined {
  for (let k = start - 1; k >= 0; k--) {
    const n = view.norm(k);
    if (n === ';' || n === ':') return undefined;
    if (n === 'that' || n === 'whether') {
      for (let j = k - 1; j >= Math.max(0, k - 8); j--) {
        const w = view.lemma(j);
        if (DENIAL.has(w) || DENIAL.has(view.norm(j))) {
          return { modality: 'negated', ruleId: 'code:negated', reason: `the clause is denied ('${view.surface(j)} ${view.surface(k)}')` };
        }
        if (ALLEGATION.has(w)) {
          return { modality: 'hypothetical', ruleId: 'code:hypothetical', reason: `the clause is reported as '${view.surface(j)}'` };
        }
        // "demanded that Israel ease restrictions", "its demand that X withdraw": what is demanded is not done
        if (MANDATIVE.has(w) || MANDATIVE.has(view.norm(j))) {
          return { modality: 'hypothetical', ruleId: 'code:embedded', reason: `the clause is what '${view.surface(j)}' asks for` };
        }
        if (view.isVerb(j) && SPEECH_VERBS.has(w)) break;
      }
      if (n === 'whether') return { modality: 'hypothetical', ruleId: 'code:hypothetical', reason: "the clause is an open 'whether' question" };
      return undefined;
    }
  }
  return undefined;
}

/** Intent codes for announced cooperation, by the act's code or root (03x). */
const INTENT_BY_CODE: Record<string, string> = {
  '061': '0311',
  '062': '0312',
  '063': '0313',
  '064': '0314',
  '071': '0331',
  '072': '0332',
  '073': '0333',
  '074': '0334',
  '081': '0351',
  '082': '0352',
  '084': '0353',
  '0841': '0353',
  '0842': '0353',
  '085': '0354',
  '086': '0355',
  '087': '0356',
  '0871': '0356',
  '0872': '0356',
  '0873': '0356',
  '0874': '0356',
  '162': '1311',
  '1621': '1311',
  '1622': '1311',
  '1623': '1311',
  '163': '1312',
  '161': '1313',
  '164': '134',
  '165': '135',
  '166': '136',
  '172': '132',
  '1723': '1323',
  '1724': '1324',
};
const INTENT_BY_ROOT: Record<string, string | null> = {
  '03': null,
  '04': '036',
  '05': '032',
  '06': '031',
  '07': '033',
  '08': '035',
  '15': '138',
  '16': '131',
  '17': '130',
  '18': '138',
  '19': '138',
  '20': '138',
};

/** Rejections (12x) for a refused act, by the act's code or root. */
const REFUSED_BY_CODE: Record<string, string> = {
  '045': '126',
  '057': '127',
  '061': '1211',
  '062': '1212',
  '071': '1221',
  '072': '1222',
  '073': '1223',
  '074': '1224',
  '081': '1241',
  '084': '1243',
  '0841': '1243',
  '0842': '1243',
  '085': '1244',
  '086': '1245',
  '0861': '1245',
  '0862': '1245',
  '0863': '1245',
  '087': '1246',
  '0871': '1246',
  '0872': '1246',
  '0873': '1246',
  '0874': '1246',
};
const REFUSED_BY_ROOT: Record<string, string> = { '03': '120', '04': '125', '05': '120', '06': '121', '07': '122', '08': '124' };

/** The code for a refused act ("refused to meet X" → 125); undefined: code nothing. */
export function refusedCode(code: string, cameo: CameoTable): string | undefined {
  return REFUSED_BY_CODE[code] ?? REFUSED_BY_ROOT[cameo.root(code)];
}

/** The code for an attempted act ("tried to assassinate X" → 185); undefined: code nothing. */
export function attemptedCode(code: string): string | undefined {
  return code === '186' ? '185' : undefined;
}

/**
 * The code for an act that is announced or intended rather than done: the pattern's `future`, else
 * an intent code (03x) for cooperation or a threat (13x) for conflict. Undefined means: code nothing
 * (statements, appeals, demands, criticism and rejections have no future form).
 */
export function futureCode(pattern: Pattern, code: string, cameo: CameoTable, threat = false): string | undefined {
  if (pattern.future === null) return undefined;
  if (pattern.future) return pattern.future;
  const root = cameo.root(code);
  if (root === '03' || root === '13') return code;
  if (cameo.quad(code) === 4 && !threat) return undefined;
  const byCode = INTENT_BY_CODE[code];
  if (byCode) return byCode;
  const byRoot = INTENT_BY_ROOT[root];
  return byRoot ?? undefined;
}
