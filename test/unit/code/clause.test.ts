import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SentenceView, isTitleCase } from '../../../src/code/clause.js';
import { loadLexicon } from '../../../src/code/lexicon.js';
import { actorDoc } from './mini-actors.js';
import { coded } from './code-helper.js';

const lexicon = loadLexicon();

function view(text: string, extra: Record<string, string> = {}) {
  const doc = actorDoc(text, undefined, extra);
  return new SentenceView(doc, 0, lexicon.verbForms);
}
const at = (v: SentenceView, word: string) => v.tokens.findIndex((_, i) => v.surface(i) === word);
const codes = (np: { mentions: { country: string | null }[] } | undefined) => np?.mentions.map((m) => m.country) ?? [];

test('clause subject skips a relative clause between the actor and its verb', () => {
  const v = view('The Chinese president, who arrived in Moscow on Monday, praised Russia.');
  const g = v.verbGroup(at(v, 'praised'));
  assert.deepEqual(codes(v.subjectBefore(g.start)), ['CHN']);
});

test('clause subject keeps every coordinated actor', () => {
  const v = view('China, Russia and Iran condemned the strike.');
  assert.deepEqual(codes(v.subjectBefore(at(v, 'condemned'))), ['CHN', 'RUS', 'IRN']);
});

test('clause subject of a second coordinated verb is the first verb subject', () => {
  assert.deepEqual(coded('Kenya praised the plan and thanked Uganda.'), ['KEN>UGA 051']);
});

test('clause subject leaves out actors inside a prepositional phrase of the subject', () => {
  const v = view('The Chinese ambassador to Iran praised the deal.');
  assert.deepEqual(codes(v.subjectBefore(at(v, 'praised'))), ['CHN']);
  const w = view('The leaders of Egypt and Jordan met in Cairo.');
  assert.deepEqual(codes(w.subjectBefore(at(w, 'met'))), ['EGY', 'JOR']);
});

test('clause subject skips a time adverbial between subject and verb', () => {
  assert.deepEqual(coded('The European Union on Thursday condemned Russia.'), ['EUR>RUS 111']);
  assert.deepEqual(coded('Iran, on Sunday, praised Iraq.'), ['IRN>IRQ 051']);
});

test('clause reported speech takes the embedded subject as the source', () => {
  assert.deepEqual(coded('The Kenyan minister said that Uganda supports Tanzania and Kenya.'), ['UGA>KEN 051']);
  assert.deepEqual(coded('Duda said his country highly values China.', { Duda: 'POL' }), ['POL>CHN 051']);
});

test('clause passive swaps source and target', () => {
  assert.deepEqual(coded('The Egyptian embassy was attacked by Iraqi militants.'), ['IRQ>EGY 190']);
  assert.deepEqual(coded('The Egyptian embassy was attacked on Sunday.'), []);
});

test('clause headline verbs tagged as nouns are found', () => {
  assert.equal(isTitleCase(['Israel', 'Launches', 'Air', 'Strikes', 'on', 'Gaza']), true);
  assert.equal(isTitleCase(['Israel', 'launched', 'air', 'strikes', 'on', 'Gaza']), false);
  // the condemned raid is an event of its own (the noun's modifier is its actor)
  assert.deepEqual(coded('Iran Condemns Israeli Raid on Syria'), ['IRN>ISR 111', 'ISR>SYR 190']);
  assert.deepEqual(coded('Kenya Urges Uganda to Reopen Border'), ['KEN>UGA 020']);
});

test('clause nominal trigger in a fronted phrase takes the main clause subject', () => {
  assert.deepEqual(coded('In a phone call with the Kenyan president on Friday, the Ugandan leader praised the deal.'), [
    'KEN>UGA 041',
    'UGA>KEN 041',
  ]);
});

test('clause talks between two actors code both directions', () => {
  assert.deepEqual(coded('Talks between Serbia and Greece resumed in Athens.'), ['GRC>SRB 040', 'SRB>GRC 040']);
});

test('clause appeal to several targets leaves out the source itself', () => {
  assert.deepEqual(coded('Xi called on China and Poland to deepen trade.', { Xi: 'CHN' }), ['CHN>POL 020']);
});

test('clause reciprocal "each other" codes both directions', () => {
  assert.deepEqual(coded("Egypt and Jordan expressed support for each other's positions."), ['EGY>JOR 051', 'JOR>EGY 051']);
});

test('clause prepPhrase finds the actor after a preposition within the clause', () => {
  const v = view('Japan spoke by phone on Monday with Vietnam about trade.');
  assert.deepEqual(codes(v.prepPhrase(at(v, 'spoke') + 1, 'with')), ['VNM']);
  const w = view('Japan spoke about trade because Vietnam asked with urgency.');
  assert.equal(w.prepPhrase(at(w, 'spoke') + 1, 'with'), undefined);
});

test('clause a pronoun inside a quote takes the speaker named after it', () => {
  assert.deepEqual(coded('"We will strike Israel if attacked," the Iranian defence minister said.'), ['IRN>ISR 138']);
  assert.deepEqual(coded('"Our country supports Ukraine," said the Polish president.'), ['POL>UKR 051']);
});

test('clause a headline base form after a modal or a negated auxiliary is the verb', () => {
  assert.deepEqual(coded("U.S. Won't Release Iraqi Prisoners"), ['USA>IRQ 1243']);
  assert.deepEqual(coded('Iran Will Talk With Britain'), ['IRN>GBR 036']);
});

test('clause a base verb form after a plural actor subject is present tense ("Israeli forces raid X")', () => {
  assert.deepEqual(coded('Israeli forces raid a Gaza refugee camp.'), ['ISR>PSE 190']);
  assert.deepEqual(coded('Pakistan bombs suspected Afghan militant camps.'), ['PAK>AFG 195']);
});

test('clause a short headline lists actors with commas alone before a noun ("X, Y talks")', () => {
  assert.deepEqual(coded('No progress in Kenya, Uganda talks on the border.'), ['KEN>UGA 040', 'UGA>KEN 040']);
});

test('clause a headline verb after "Says" takes the speaker as subject ("X Says Ready to Talk With Y")', () => {
  assert.deepEqual(coded('Iran Says Ready to Talk With Britain'), ['IRN>GBR 036']);
  assert.deepEqual(coded('Iran is ready to talk with Britain.'), ['IRN>GBR 036']);
});
