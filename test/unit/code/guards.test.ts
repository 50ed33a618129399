import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCameo } from '../../../src/code/cameo.js';
import { futureCode, refusedCode, attemptedCode } from '../../../src/code/guards.js';
import { loadLexicon } from '../../../src/code/lexicon.js';
import { coded, codedWithKb, refusals } from './code-helper.js';

const cameo = loadCameo();
const lexicon = loadLexicon();

test('guards negation drops "did not", "never" and "failed to"', () => {
  assert.deepEqual(coded('Iran did not condemn Iraq.'), []);
  assert.deepEqual(coded('Iran never criticized Iraq.'), []);
  assert.deepEqual(coded('Iran failed to meet Iraq.'), []);
  assert.ok(refusals('Iran did not condemn Iraq.').includes('code:negated'));
});

test('guards negation does not reach a later coordinated clause', () => {
  assert.deepEqual(coded('Iran did not comment, but Iraq condemned Syria.'), ['IRQ>SYR 111']);
});

test('guards a denied clause is not coded', () => {
  assert.deepEqual(coded('Syria denied that it attacked Turkey.'), []);
  assert.ok(refusals('Syria denied that it attacked Turkey.').includes('code:negated'));
});

test('guards hypothetical and conditional acts are not coded', () => {
  assert.deepEqual(coded('The European Union could impose sanctions on Russia.'), []);
  assert.deepEqual(coded('If Iran attacks Israel, the region will suffer.'), []);
  assert.deepEqual(coded('Japan is considering sanctions and may expel Russian diplomats.'), []);
  assert.ok(refusals('The European Union could impose sanctions on Russia.').includes('code:hypothetical'));
});

test('guards questions are not coded', () => {
  assert.deepEqual(coded('Will Turkey attack Syria?'), []);
  assert.deepEqual(coded('Did Turkey attack Syria?'), []);
  assert.ok(refusals('Did Turkey attack Syria?').includes('code:question'));
});

test('guards an act embedded under another verb is not coded as done', () => {
  assert.deepEqual(coded('Kenya urged Uganda to attack the rebels in Sudan.'), ['KEN>UGA 020']);
  assert.ok(refusals('Kenya urged Uganda to attack the rebels in Sudan.').includes('code:embedded'));
});

test('guards future acts map to intent codes, not to the act', () => {
  assert.deepEqual(coded('The Japanese prime minister will visit Vietnam.'), ['JPN>VNM 036']);
  assert.deepEqual(coded('Egypt agreed to send aid to Sudan.'), ['EGY>SDN 033']);
  assert.deepEqual(coded('Bush to Visit China Next Month', { Bush: 'USA' }), ['USA>CHN 036']);
  assert.deepEqual(coded('India is ready to hold talks with Pakistan.'), ['IND>PAK 036']);
});

test('guards announced conflict acts are threats only when threatened', () => {
  assert.deepEqual(coded('North Korea vowed to attack South Korea.'), ['PRK>KOR 138']);
  assert.deepEqual(coded('Iran said it would strike Israel.'), ['IRN>ISR 138']);
  assert.deepEqual(coded('Russia plans to attack Ukraine.'), []);
  assert.deepEqual(coded('The European Union threatened to impose sanctions on Russia.'), ['EUR>RUS 1312']);
});

test('guards refused acts are coded as rejections', () => {
  assert.deepEqual(coded('Pakistan refused to meet India.'), ['PAK>IND 125']);
  assert.deepEqual(coded('Iran declined to release the British sailors.'), ['IRN>GBR 1243']);
  assert.deepEqual(coded('Pakistan did not refuse to meet India.'), []);
});

test('guards attempted assassinations are 185, other attempts nothing', () => {
  assert.deepEqual(coded('Israeli agents tried to assassinate a Hamas leader.'), ['ISR>HAMAS 185']);
  assert.deepEqual(coded('Israeli troops tried to attack Gaza.'), []);
});

test('guards one actor without a target gives no event and says so', () => {
  assert.deepEqual(coded('Kenya condemned the violence.'), []);
  assert.ok(refusals('Kenya condemned the violence.').includes('code:no-target'));
});

test('guards the source and the target must differ', () => {
  assert.deepEqual(coded('Iran praised Tehran.'), []);
  assert.ok(refusals('Iran praised Tehran.').includes('code:same-actor'));
});

test('guards the outlet opinion (no actor subject) gives no event', () => {
  assert.deepEqual(coded('The attack on Iraq was a mistake that condemned Syria to chaos.'), []);
});

test('guards background history with an explicit old date is not coded', () => {
  assert.deepEqual(coded('Iraq invaded Kuwait in August 1990 and Iran condemned Iraq in 1990.', {}, '2022-07-30'), []);
  assert.deepEqual(coded('Iran condemned Iraq on Friday.', {}, '2022-07-30'), ['IRN>IRQ 111']);
});

test('guards futureCode, refusedCode and attemptedCode map codes by root', () => {
  const visit = lexicon.get('consult.visit')!;
  assert.equal(futureCode(visit, '042', cameo), '036');
  assert.equal(futureCode(lexicon.get('aid.send.humanitarian')!, '073', cameo), '0333');
  assert.equal(futureCode(lexicon.get('fight.attack')!, '190', cameo), undefined);
  assert.equal(futureCode(lexicon.get('fight.attack')!, '190', cameo, true), '138');
  assert.equal(futureCode(lexicon.get('disapprove.condemn')!, '111', cameo, true), undefined);
  assert.equal(refusedCode('040', cameo), '125');
  assert.equal(refusedCode('190', cameo), undefined);
  assert.equal(attemptedCode('186'), '185');
});

test('guards an act claimed or said to have happened is coded', () => {
  assert.deepEqual(coded('Iraqi militants claimed to have kidnapped three French engineers.'), ['IRQ>FRA 181']);
});

test('guards "will not", "won\'t" and a reported "would not" are refusals, coded as rejections where the act has one', () => {
  assert.deepEqual(coded('Israel will not negotiate with Syria.'), ['ISR>SYR 125']);
  assert.deepEqual(coded('Iran said it would not meet the British envoy.'), ['IRN>GBR 125']);
  assert.deepEqual(coded('Iran will not attack Israel.'), []);
  assert.deepEqual(coded('Syria did not meet Lebanon.'), []);
});

test('guards a clause after "demanded that" or "its demand that" is the act demanded, not done', () => {
  assert.deepEqual(codedWithKb('The ILO demanded that Israel ease restrictions on Palestinian workers.'), ['UNO>ISR 100']);
  assert.deepEqual(codedWithKb('Egypt repeated its demand that Israel withdraw.'), ['EGY>ISR 100']);
});

test('guards an announced concession made conditional with "unless" is a threat', () => {
  assert.deepEqual(codedWithKb('Nigeria said it will withdraw its troops from Chad unless the president holds elections.'), ['NGA>TCD 130']);
  assert.deepEqual(codedWithKb('Nigeria will withdraw its troops from Chad.'), ['NGA>TCD 0356']);
});
