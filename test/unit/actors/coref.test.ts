// Tests of coreference within one article (src/actors/coref.ts) through the real stages, on
// short texts written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorsDoc, mention, mentionsAt } from '../../fixtures/actors/actors-doc.js';

const D = '2022-07-30';

test('coref resolves a surname after the full name, with the full mention as antecedent', () => {
  const doc = actorsDoc('Polish President Andrzej Duda arrived on Monday. Duda then met officials.', D);
  const full = mention(doc, 'Polish President Andrzej Duda')!;
  const short = mention(doc, 'Duda')!;
  assert.equal(short.actor, 'pol-andrzej-duda');
  assert.equal(short.resolvedBy, 'coref:surname');
  assert.equal(short.antecedent, full.id);
});

test('coref prefers the person named in the article over the KB for a shared surname', () => {
  const doc = actorsDoc('Kim Jong Un inspected a factory. Later Kim spoke to workers.', D);
  const kim = mention(doc, 'Kim')!;
  assert.equal(kim.actor, 'prk-kim-jong-un');
  assert.equal(kim.resolvedBy, 'coref:surname');
});

test('coref leaves a partial name unresolved when two people named before share it', () => {
  const doc = actorsDoc('Kim Jong Un met Kim Yong Nam. Kim said the talks went well.', '2010-06-01');
  assert.equal(mentionsAt(doc, 'Kim', doc.text.indexOf('Kim said')).length, 0);
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'actors:ambiguous-name'));
});

test('coref resolves "the president" to the most recent person holding a matching office', () => {
  const doc = actorsDoc('Chinese President Xi Jinping spoke with Foreign Minister Zbigniew Rau. The president said ties were strong.', D);
  const p = mention(doc, 'The president')!;
  assert.equal(p.actor, 'chn-xi-jinping');
  assert.equal(p.resolvedBy, 'coref:title');
  assert.equal(p.antecedent, mention(doc, 'Chinese President Xi Jinping')!.id);
});

test('coref resolves "the minister" to the person whose office is a ministry', () => {
  const doc = actorsDoc('Chinese President Xi Jinping received Foreign Minister Zbigniew Rau. The minister thanked his hosts.', D);
  assert.equal(mention(doc, 'The minister')?.actor, 'pol-zbigniew-rau');
});

test('coref leaves "the president" unresolved when no one fits', () => {
  const doc = actorsDoc('The president said the deal was fair.', D);
  assert.deepEqual(doc.layers.mentions, []);
});

test('coref resolves "he" to the subject of the sentence before', () => {
  const doc = actorsDoc('Chinese President Xi Jinping met Polish President Andrzej Duda. He said the talks were useful.', D);
  const he = mention(doc, 'He')!;
  assert.equal(he.actor, 'chn-xi-jinping');
  assert.equal(he.resolvedBy, 'coref:pronoun');
});

test('coref resolves "he" later in a sentence to its subject', () => {
  const doc = actorsDoc('Andrzej Duda said the visit mattered, he told reporters.', D);
  assert.equal(mention(doc, 'he')?.actor, 'pol-andrzej-duda');
});

test('coref leaves "he" unresolved when two people are equally likely', () => {
  const doc = actorsDoc('Xi Jinping and Andrzej Duda met in Beijing. He said the talks were useful.', D);
  assert.equal(mention(doc, 'He'), undefined);
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'actors:ambiguous-pronoun'));
});

test('coref chains pronouns: a resolved "he" is the antecedent of the next one', () => {
  const doc = actorsDoc('Andrzej Duda landed in Kyiv. He met soldiers. He then left.', D);
  const hes = doc.layers.mentions.filter((m) => m.text === 'He');
  assert.equal(hes.length, 2);
  assert.ok(hes.every((m) => m.actor === 'pol-andrzej-duda'));
  assert.equal(hes[1].antecedent, hes[0].id);
});

test('coref resolves "his country" to the person\'s country', () => {
  const doc = actorsDoc('Ebrahim Raisi said his country would keep talking.', D);
  const c = mention(doc, 'his country')!;
  assert.deepEqual([c.actor, c.country, c.sector, c.resolvedBy], ['IRN', 'IRN', null, 'coref:possessive']);
  assert.equal(c.antecedent, mention(doc, 'Ebrahim Raisi')!.id);
});

test('coref splits "the two sides" into one mention per member of the pair under discussion', () => {
  const doc = actorsDoc('China and Iran signed a deal. The two sides will meet again.', D);
  const first = mention(doc, 'The two')!;
  const second = mention(doc, 'sides')!;
  assert.deepEqual([first.country, second.country], ['CHN', 'IRN']);
  assert.equal(first.resolvedBy, 'coref:pair');
  assert.ok(first.end <= second.start);
});

test('coref resolves "the two leaders" to the two people named before', () => {
  const doc = actorsDoc('Xi Jinping spoke with Ebrahim Raisi by phone. The two leaders agreed to meet.', D);
  assert.equal(mention(doc, 'The two')?.actor, 'chn-xi-jinping');
  assert.equal(mention(doc, 'leaders')?.actor, 'irn-ebrahim-raisi');
});

test('coref resolves "both countries" across a sentence that names one of them again', () => {
  const doc = actorsDoc('Poland and Chile signed an accord. Chile said both countries would benefit.', D);
  assert.deepEqual([mention(doc, 'both')?.country, mention(doc, 'countries')?.country].sort(), ['CHL', 'POL']);
});

test('coref leaves "the two countries" unresolved when three countries are in play', () => {
  const doc = actorsDoc('Poland, Chile and Peru met. The two countries disagreed.', D);
  assert.equal(mentionsAt(doc, 'The two').length, 0);
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'actors:ambiguous-pair'));
});

test('coref resolves "the country" to the one country named before, and not when two are', () => {
  const one = actorsDoc('Chile held elections. The country voted calmly.', D);
  assert.equal(mention(one, 'The country')?.country, 'CHL');
  assert.equal(mention(one, 'The country')?.resolvedBy, 'coref:country');
  const two = actorsDoc('Chile and Peru held elections. The country voted calmly.', D);
  assert.equal(mention(two, 'The country'), undefined);
});

test('coref resolves "the kingdom" only to a monarchy', () => {
  const doc = actorsDoc('Saudi Arabia hosted the talks. The kingdom said it was pleased.', D);
  assert.equal(mention(doc, 'The kingdom')?.country, 'SAU');
  const rep = actorsDoc('Chile hosted the talks. The kingdom said it was pleased.', D);
  assert.equal(mention(rep, 'The kingdom'), undefined);
});

test('coref drops a capital that is also a given name when the article names its country nowhere else', () => {
  const doc = actorsDoc('The girl, named Victoria, now lives in Hanover with her new family.', D);
  assert.equal(mention(doc, 'Victoria'), undefined);
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'actors:skip-unsupported-capital'));
  const gov = actorsDoc('Officials in Victoria said the Seychelles would help.', D);
  assert.equal(mention(gov, 'Victoria')?.country, 'SYC');
});

test('coref resolves "him" to the subject of the sentence ("X met Y, who urged him")', () => {
  const doc = actorsDoc('The Pakistani president met the Indian prime minister, who urged him to resume the talks.', '2022-07-30');
  assert.equal(mention(doc, 'him')?.country, 'PAK');
  assert.equal(mention(doc, 'him')?.resolvedBy, 'coref:pronoun');
});

test('coref reads a bare surname of an undated text as the country all its top office holders served ("Bush")', () => {
  const doc = actorsDoc('Bush said the killings in Darfur amounted to genocide.');
  assert.equal(mention(doc, 'Bush')?.country, 'USA');
  assert.equal(mention(doc, 'Bush')?.actor, 'USA');
});

test('coref resolves "the group", "the militant group" to the one armed group named before', () => {
  const doc = actorsDoc('Israeli jets struck Hamas positions in Gaza. Hours later the militant group fired rockets at Sderot.', '2022-07-30');
  assert.equal(mention(doc, 'the militant group')?.country, 'HAMAS');
  assert.equal(mention(doc, 'the militant group')?.resolvedBy, 'coref:group');
  const two = actorsDoc('Hamas and Hezbollah praised the attack. The group said more would follow.', '2022-07-30');
  assert.equal(mention(two, 'The group'), undefined);
});

test('coref needs the full name before a surname that is also a given name or a nationality word ("Martin", "English")', () => {
  assert.equal(actorsDoc('Martin told reporters the budget would pass.', '2004-06-01').layers.mentions.length, 0);
  assert.equal(actorsDoc('English is spoken widely in the capital, officials said.', '2017-06-01').layers.mentions.length, 0);
  const doc = actorsDoc('Prime Minister Paul Martin met the premiers. Martin told reporters the budget would pass.', '2004-06-01');
  assert.equal(mention(doc, 'Martin')?.country, 'CAN');
});

test('coref reads "the government", "officials" and "the army" as that body of the one state named before', () => {
  const doc = actorsDoc('Kenya faces pressure over its border. The government rejected the plan, and officials said the army would stay.', D);
  assert.deepEqual([mention(doc, 'The government')?.country, mention(doc, 'The government')?.sector, mention(doc, 'The government')?.resolvedBy], ['KEN', 'GOV', 'coref:sector']);
  assert.equal(mention(doc, 'officials')?.country, 'KEN');
  assert.deepEqual([mention(doc, 'the army')?.country, mention(doc, 'the army')?.sector], ['KEN', 'MIL']);
});

test('coref leaves "the government" alone after two states, unless the dateline names one of them', () => {
  const two = actorsDoc('Kenya and Uganda traded charges. The government said nothing.', D);
  assert.equal(mention(two, 'The government'), undefined);
  const dated = actorsDoc('Kenya urges Uganda to act. KAMPALA (Reuters) - The government said nothing.', D);
  assert.equal(mention(dated, 'The government')?.country, 'UGA');
});

test('coref does not read "the government of X" or "government forces" as a bare body', () => {
  const doc = actorsDoc('Kenya faces pressure. The government of Uganda said the government forces would stay.', D);
  assert.equal(mention(doc, 'The government'), undefined);
});

test('coref keeps a group named by a word other groups share only when the article names its home state', () => {
  const nepal = actorsDoc('Maoists blocked the roads to the capital. Nepal said it would talk to them.', '2004-09-01');
  assert.equal(mention(nepal, 'Maoists')?.country, 'CPNM');
  const peru = actorsDoc('Maoists blocked the roads near the Peruvian town of Ayacucho.', '2004-09-01');
  assert.equal(mention(peru, 'Maoists'), undefined);
  assert.ok(peru.diagnostics.some((d) => d.ruleId === 'actors:skip-unsupported-group'));
});
