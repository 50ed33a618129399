/**
 * Matching frames of src/code/match.ts: event nouns as objects of support verbs and with a
 * modifying actor, unasserted nouns, reduced passives of violent acts, statements about a third
 * party (fallback patterns), headline speakers before a colon. Sentences written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coded, codedWithKb, refusals } from './code-helper.js';

test('match an event noun as the object of a support verb takes the verb subject as source', () => {
  assert.deepEqual(coded('Kenya levelled fresh accusations against Uganda on Monday.'), ['KEN>UGA 112']);
  assert.deepEqual(coded('Ethiopia launched a new offensive against Eritrea.'), ['ETH>ERI 190']);
  assert.deepEqual(coded('Turkey issued a warning to Syria over the border.'), ['TUR>SYR 130']);
});

test('match a support verb that codes the act itself leaves the noun alone', () => {
  // "held talks with" is the consult pattern of "hold"; the noun "talks" adds nothing
  assert.deepEqual(coded('Kenya held talks with Uganda in Nairobi.').filter((e) => e.startsWith('KEN>UGA')).length, 1);
});

test('match a negated support verb codes nothing', () => {
  assert.deepEqual(coded('Ethiopia did not launch an offensive against Eritrea.'), []);
});

test('match an actor modifying an event noun is its source when the noun names its target', () => {
  assert.deepEqual(coded('The Israeli raid on Gaza drew wide criticism.'), ['ISR>PSE 190']);
  assert.deepEqual(coded('Swedish criticism of Iran grew on Monday.'), ['SWE>IRN 111']);
});

test('match a modifier is no source without a target or behind a possible verb', () => {
  assert.deepEqual(coded('The Israeli raid killed three people.'), []);
  assert.deepEqual(coded('Kenya fears criticism of Uganda at the summit.'), []);
});

test('match an event noun under a denying or fearing word is not asserted', () => {
  assert.deepEqual(coded('Egypt denied a raid on Libya.'), []);
  assert.deepEqual(coded('The threat of an Indian attack on Pakistan grew.'), []);
  assert.ok(refusals('Fears of a Russian attack on Georgia grew.').includes('code:hypothetical'));
});

test('match a bare participle of a violent act before a place is passive (no agent, no event)', () => {
  assert.deepEqual(coded('Three Kenyan soldiers killed in Somalia.'), []);
  assert.deepEqual(coded('Two Iraqi policemen wounded in Baghdad blast.'), []);
  assert.deepEqual(coded('Kenyan soldiers killed two Somali gunmen.'), ['KEN>SOM 190']);
});

test('match the subject of a passive host takes no part in an adjunct event noun', () => {
  assert.deepEqual(coded('Three Egyptians killed in an attack on Israeli troops.'), []);
});

test('match an actor after "on" in a subject belongs to the event noun before it', () => {
  assert.deepEqual(coded('An attack on a Kenyan convoy killed two in Somalia.'), []);
});

test('match a statement about a third party codes only a sentence nothing else codes', () => {
  assert.deepEqual(coded('Kenya said Ugandan agents were spying on its army.'), ['KEN>UGA 112']);
  assert.deepEqual(coded('Kenya said Ugandan troops attacked Sudan.'), ['UGA>SDN 190']);
  assert.deepEqual(coded('Kenya said the Ugandan leader was not a puppet.'), []);
});

test('match a reported clause before its speaker is what the statement is about', () => {
  assert.deepEqual(coded('Ugandan agents were spying on its army, Kenya said on Monday.'), ['KEN>UGA 112']);
});

test('match a headline speaker before a colon makes a statement', () => {
  assert.deepEqual(coded('Kenya: Ugandan Agents Were Spying on Army'), ['KEN>UGA 112']);
});

test('match an actor-less object followed by its agent targets the agent ("the killing of X by Y")', () => {
  assert.deepEqual(coded('Syria condemned the killing of civilians by Israeli troops.'), ['SYR>ISR 111']);
});

test('match a claim under investigation targets the subject of its that-clause', () => {
  assert.deepEqual(coded('Palestinians investigate rumours that Israel poisoned the leader.'), ['PSE>ISR 090']);
  assert.deepEqual(coded('Kenya investigated the claim that it was hiding arms.'), []);
});

test('match a statement about an actor-less subject with "be" is about the actor of the predicate', () => {
  assert.deepEqual(coded('Iran says the real aggressor is Israel, not Syria.'), ['IRN>ISR 111']);
  assert.deepEqual(coded('Kenya said the Ugandan leader was not a puppet.'), []);
});

test('match a verbal reaction without a target is directed at the actor of the event it follows', () => {
  assert.deepEqual(coded('The UN urged dialogue after Kenya vowed action.'), ['UNO>KEN 020']);
  assert.deepEqual(coded('Kenya asked for calm in the unrest that began after Uganda shut its border.'), []);
});

test('match a reaction of any kind is directed at the actor of the event it follows', () => {
  // (and the threat, which names no target, is directed at the actor that reacts to it)
  assert.deepEqual(coded('Kenya recalled its ambassador after Uganda threatened to close the border.'), ['KEN>UGA 161', 'UGA>KEN 130']);
});

test('match an act in an after-clause without a target is directed at the subject of the clause it follows', () => {
  assert.deepEqual(coded('Kenya agreed to the peace plan after Britain set a deadline.'), ['GBR>KEN 139', 'KEN>GBR 030']);
  // one way only: agreeing is no talk
  assert.ok(!coded('Kenya agreed to the peace plan after Britain set a deadline.').includes('GBR>KEN 030'));
  // the clause before must report an act of the lexicon, not a fate
  assert.deepEqual(coded('An American woman died after Kenyan police opened fire.'), []);
});

test('match a list of actors opening a headline is the subject of the verb after it', () => {
  assert.deepEqual(coded('Egypt, Jordan sign water deal.'), ['EGY>JOR 057', 'JOR>EGY 057']);
  assert.deepEqual(codedWithKb('Blair, Chirac to Meet on Trade Dispute'), ['FRA>GBR 036', 'GBR>FRA 036']);
});

test('match a symmetric act on an object that names no actor is not between its coordinated subjects', () => {
  assert.deepEqual(coded('Kenya and Uganda battle rebels near the border.'), []);
  assert.deepEqual(coded('Kenya and Uganda met in Nairobi.'), ['KEN>UGA 040', 'UGA>KEN 040']);
});

test('match an "-s" verb form before an adjective and an actor is the verb of a sentence-case headline', () => {
  assert.deepEqual(codedWithKb('Kenya arrests key Al-Qaeda suspect.'), ['KEN>ALQAEDA 173']);
});

test('match a member of a body or group satisfies an object of people words, a named person does not', () => {
  assert.deepEqual(codedWithKb('Spain expels Morocco militant to Rabat.'), ['ESP>MAR 174']);
  assert.deepEqual(codedWithKb("Kenya frees Museveni 'plotters'."), []);
});

test('match an unless word in an adjunct of place or time after an actor object does not stop the pattern', () => {
  assert.deepEqual(coded('Kenya will host Ugandan and Ethiopian leaders at a regional summit.'), ['KEN>ETH 036', 'KEN>UGA 036']);
  assert.deepEqual(coded('Kenya hosted a regional summit in Nairobi.'), []);
});

test('match an act an actor is set, due or ready for is announced', () => {
  assert.deepEqual(coded('The Kenyan president is due for talks with Uganda.'), ['KEN>UGA 036']);
  assert.deepEqual(coded('Museveni of Uganda set for visit to Kenya.'), ['UGA>KEN 036']);
  assert.deepEqual(coded('Kenya is not ready for talks with Uganda.'), []);
});

test('match a possessive inside the subject actor does not keep its verb a noun', () => {
  assert.deepEqual(codedWithKb("Spain's foreign minister visits Morocco to discuss fishing."), ['ESP>MAR 042']);
});

test('match "kicked off" is a support verb of the event noun after it', () => {
  assert.deepEqual(coded('The Kenyan president kicked off his two-day visit to Uganda on Monday.'), ['KEN>UGA 042']);
});

test('match a completive "off" leaves the act of its object as it is', () => {
  assert.deepEqual(codedWithKb('Turkey broke off diplomatic ties with Austria.'), ['TUR>AUT 161']);
  assert.deepEqual(codedWithKb('Japan called off talks with China.'), ['JPN>CHN 164']);
  assert.deepEqual(codedWithKb('The rebels broke off the talks.'), []);
});

test('match an "-ing" event noun wink tags as a verb is a noun after an actor and before "of"', () => {
  assert.deepEqual(codedWithKb('Armenian shelling of Azerbaijani villages continued.'), ['ARM>AZE 194']);
});

test('match a title-case headline verb between two surnames', () => {
  assert.deepEqual(codedWithKb('Sharon Phones Putin'), ['ISR>RUS 041', 'RUS>ISR 041']);
});

test('match "is about to" announces the act like "is set to"', () => {
  assert.deepEqual(codedWithKb('The Australian government is about to restore diplomatic ties with Libya.'), ['AUS>LBY 032']);
});

test('match a reported modal takes its speaker from after the clause or from a trailing headline colon', () => {
  assert.deepEqual(codedWithKb('Israel must leave Gaza, Egypt says.'), ['EGY>ISR 100']);
  assert.deepEqual(codedWithKb('Iran Must Halt Enrichment: EU'), ['EUR>IRN 100']);
  assert.deepEqual(codedWithKb('Ugandan Agents Were Spying: Kenya'), ['KEN>UGA 112']);
});

test('match an unless word inside a setting adjunct after an actor object does not void the act', () => {
  assert.deepEqual(codedWithKb('Israeli soldiers arrested 100 Palestinians in a sweep of the Hebron area.'), ['ISR>PSE 173']);
});

test('match a subject with examples after "including" is the phrase before them', () => {
  assert.deepEqual(codedWithKb('Russian units including attack helicopters killed 12 Georgian villagers.'), ['RUS>GEO 190']);
});

test('match a time adverbial between a governor and its infinitive leaves the infinitive governed', () => {
  assert.deepEqual(codedWithKb('The Armenian parliament threatened on Friday to break relations with Turkey.'), ['ARM>TUR 1313']);
  assert.deepEqual(codedWithKb('The UN urged Iran on Monday to halt enrichment.'), ['UNO>IRN 020']);
});

test('match a completive "up" and a participle opening the object leave the act as it is', () => {
  assert.deepEqual(codedWithKb('Israeli soldiers beat up Palestinian detainees.'), ['ISR>PSE 182']);
  assert.deepEqual(codedWithKb('The Palestinians rejected proposed Israeli changes to the deal.'), ['PSE>ISR 120']);
});

test('match completion verbs support an event noun ("completed its withdrawal from X")', () => {
  assert.deepEqual(codedWithKb('Russia completed its withdrawal from Georgia.'), ['RUS>GEO 087']);
});

test('match a time expression in a later relative or subordinate clause does not make the act background', () => {
  assert.deepEqual(codedWithKb('Uganda has given asylum to nine Rwandan rebels who crossed into the country three years ago.', '2000-01-01'), ['UGA>RWA 075']);
  assert.deepEqual(codedWithKb('Uganda granted asylum to Rwandan rebels two years ago.', '2000-01-01'), []);
});

test('match a heavy object after the target phrase ("handed over to X two suspects")', () => {
  assert.deepEqual(codedWithKb('Libya handed over to Britain two suspects.'), ['LBY>GBR 063']);
  assert.deepEqual(codedWithKb('Libya offered to hand over to Britain two suspects wanted for a bombing in 1988.', '2000-01-01'), ['LBY>GBR 0313']);
});

test('match an "-s" form between a finite verb and a preposition is a plural object ("rejected calls by X")', () => {
  assert.deepEqual(codedWithKb('The US rejected calls by Kofi Annan to adopt reforms.', '2000-01-01'), ['USA>UNO 120']);
});

test('match a conflictual act with no target is directed at the actor its "unless"/"if" condition is set to', () => {
  assert.deepEqual(codedWithKb('Syria threatened to boycott the summit unless Egypt changed its stance.'), ['SYR>EGY 130', 'SYR>EGY 1312']);
  assert.deepEqual(codedWithKb('Japan will send aid if Indonesia asks.'), []);
});

test('match the means after "using" belongs to the subject, and an armed act at "targets in X" targets X', () => {
  assert.deepEqual(codedWithKb('British aircraft using guided missiles killed four Iraqis.'), ['GBR>IRQ 190']);
  assert.deepEqual(codedWithKb('Israeli tanks fired four shells at targets in Jericho.'), ['ISR>PSE 194']);
});

test('match "in principle" between a governor and its infinitive leaves the infinitive governed', () => {
  assert.deepEqual(codedWithKb('Kenya agreed in principle to send aid to Somalia.'), ['KEN>SOM 033']);
});
