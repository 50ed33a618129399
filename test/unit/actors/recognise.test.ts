// Tests of the gazetteer recogniser through the real segment + actors stages, on sentences written
// for these tests, with the committed KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorsDoc, kb, mention, mentionsAt, mentionsOf } from '../../fixtures/actors/actors-doc.js';

const D = '2022-07-30';

test('recogniser resolves country names, demonyms and capitals to the country', () => {
  const doc = actorsDoc('Poland and the Iranian delegation met in Warsaw while Tehran waited.', D);
  assert.equal(mention(doc, 'Poland')?.country, 'POL');
  assert.equal(mention(doc, 'Poland')?.sector, null);
  assert.equal(mention(doc, 'Iranian')?.actor, 'IRN');
  assert.equal(mention(doc, 'Iranian')?.resolvedBy, 'demonym');
  assert.equal(mention(doc, 'Tehran')?.country, 'IRN');
  assert.equal(mention(doc, 'Tehran')?.sector, 'GOV');
});

test('recogniser gives every mention exact offsets into the text', () => {
  const doc = actorsDoc('Officials in Ankara said Turkey\u2019s army and the U.S. navy would train.', D);
  assert.ok(doc.layers.mentions.length >= 3);
  for (const m of doc.layers.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  const ids = doc.layers.mentions.map((m) => m.id);
  assert.deepEqual(ids, [...ids.keys()]);
});

test('recogniser reads capitals and seats of government as the government (metonymy)', () => {
  const doc = actorsDoc('Beijing rejected the claim, and the Kremlin and the White House both objected.', D);
  assert.deepEqual([mention(doc, 'Beijing')?.country, mention(doc, 'Beijing')?.sector], ['CHN', 'GOV']);
  assert.deepEqual([mention(doc, 'Kremlin')?.country, mention(doc, 'Kremlin')?.sector], ['RUS', 'GOV']);
  assert.deepEqual([mention(doc, 'White House')?.country, mention(doc, 'White House')?.sector], ['USA', 'GOV']);
});

test('recogniser reads a capital after "in" as a place, not the government', () => {
  const doc = actorsDoc('The envoys held talks in Beijing on Monday.', D);
  assert.equal(mention(doc, 'Beijing')?.country, 'CHN');
  assert.equal(mention(doc, 'Beijing')?.sector, null);
});

test('recogniser is case-aware: "a turkey dinner", "china plates" and "us" are not countries', () => {
  const doc = actorsDoc('Let us serve a turkey dinner on china plates, said the cook.', D);
  assert.deepEqual(doc.layers.mentions, []);
  const caps = actorsDoc('Turkey and China told US officials to wait.', D);
  assert.equal(mention(caps, 'Turkey')?.country, 'TUR');
  assert.equal(mention(caps, 'China')?.country, 'CHN');
  assert.equal(mention(caps, 'US officials')?.country, 'USA');
});

test('recogniser keeps the case of acronyms ("Let" is not LeT, "Nato" is NATO)', () => {
  const doc = actorsDoc('Let the talks begin, said Nato officials.', D);
  assert.equal(mentionsAt(doc, 'Let').length, 0);
  assert.equal(mentionsAt(doc, 'Nato')[0]?.country, 'NATO');
});

test('recogniser reads a possessive country without its "\'s"', () => {
  const doc = actorsDoc("Iran's economy grew while Poland's exports fell.", D);
  assert.equal(mention(doc, 'Iran')?.country, 'IRN');
  assert.equal(mention(doc, 'Poland')?.country, 'POL');
});

test('recogniser splits hyphenated pairs into two mentions ("Chile-Peru ties", "EU-China")', () => {
  const doc = actorsDoc('Chile-Peru ties improved as EU-China trade talks resumed.', D);
  assert.deepEqual(
    doc.layers.mentions.map((m) => [m.text, m.country]),
    [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
      ['EU', 'EUR'],
      ['China', 'CHN'],
    ],
  );
});

test('recogniser reads combining forms only with an actor after the hyphen ("Sino-Russian", not "Indo-Pacific")', () => {
  const doc = actorsDoc('Sino-Russian drills worried navies in the Indo-Pacific.', D);
  assert.deepEqual(
    doc.layers.mentions.map((m) => [m.text, m.country]),
    [
      ['Sino', 'CHN'],
      ['Russian', 'RUS'],
    ],
  );
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'actors:skip-combining-form'));
});

test('recogniser leaves attitude compounds alone ("pro-Russian", "anti-American")', () => {
  const doc = actorsDoc('Pro-Russian rebels and anti-American protesters marched.', D);
  assert.deepEqual(doc.layers.mentions, []);
});

test('recogniser resolves a title with a full name to the person and their office on the date', () => {
  const doc = actorsDoc('Chinese President Xi Jinping received Foreign Minister Zbigniew Rau.', D);
  const xi = mention(doc, 'Chinese President Xi Jinping');
  assert.deepEqual([xi?.actor, xi?.country, xi?.sector, xi?.role, xi?.resolvedBy], ['chn-xi-jinping', 'CHN', 'GOV', 'head of state', 'title+name']);
  const rau = mention(doc, 'Foreign Minister Zbigniew Rau');
  assert.deepEqual([rau?.actor, rau?.country, rau?.role], ['pol-zbigniew-rau', 'POL', 'foreign minister']);
});

test('recogniser resolves "President Xi" and "Mr Raisi" through titles and KB surnames', () => {
  const doc = actorsDoc('President Xi welcomed Mr Raisi to the capital.', D);
  assert.equal(mention(doc, 'President Xi')?.actor, 'chn-xi-jinping');
  assert.equal(mention(doc, 'Mr Raisi')?.actor, 'irn-ebrahim-raisi');
  assert.equal(mention(doc, 'Mr Raisi')?.country, 'IRN');
});

test('recogniser resolves role descriptions without names through the dated offices', () => {
  const doc = actorsDoc("The Iranian president called Poland's foreign minister and the U.S. secretary of state.", D);
  assert.equal(mention(doc, 'The Iranian president')?.actor, 'irn-ebrahim-raisi');
  assert.equal(mention(doc, 'The Iranian president')?.role, 'head of government');
  assert.equal(mention(doc, "Poland's foreign minister")?.actor, 'pol-zbigniew-rau');
  assert.equal(mention(doc, 'the U.S. secretary of state')?.actor, 'usa-antony-blinken');
  assert.equal(mention(doc, 'the U.S. secretary of state')?.role, 'foreign minister');
});

test('recogniser resolves "the president of Iran" like "the Iranian president"', () => {
  const doc = actorsDoc('A letter from the president of Iran arrived.', D);
  assert.equal(mention(doc, 'the president of Iran')?.actor, 'irn-ebrahim-raisi');
});

test('recogniser gives sector phrases the country and the CAMEO sector', () => {
  const doc = actorsDoc('The Chinese foreign ministry said Iranian troops and Israeli police were on alert.', D);
  assert.deepEqual([mention(doc, 'The Chinese foreign ministry')?.country, mention(doc, 'The Chinese foreign ministry')?.sector], ['CHN', 'GOV']);
  assert.deepEqual([mention(doc, 'Iranian troops')?.country, mention(doc, 'Iranian troops')?.sector], ['IRN', 'MIL']);
  assert.deepEqual([mention(doc, 'Israeli police')?.country, mention(doc, 'Israeli police')?.sector], ['ISR', 'COP']);
  assert.equal(mention(doc, 'Iranian troops')?.resolvedBy, 'sector');
});

test('recogniser gives each coordinated country the shared sector ("Greek and Turkish officials")', () => {
  const doc = actorsDoc('Greek and Turkish officials met on Cyprus.', D);
  assert.deepEqual([mention(doc, 'Greek')?.country, mention(doc, 'Greek')?.sector], ['GRC', 'GOV']);
  assert.deepEqual([mention(doc, 'Turkish officials')?.country, mention(doc, 'Turkish officials')?.sector], ['TUR', 'GOV']);
});

test('recogniser does not give "deputy" or "former" officials the office holder', () => {
  const doc = actorsDoc("Iran's deputy foreign minister and the former Polish president spoke.", D);
  const deputy = mentionsAt(doc, 'deputy')[0];
  assert.equal(deputy?.actor, 'IRN');
  assert.equal(deputy?.person, null);
  const former = mentionsAt(doc, 'former')[0];
  assert.equal(former?.actor, 'POL');
  assert.equal(former?.sector, 'ELI');
});

test('recogniser resolves organisations, their bodies and armed groups', () => {
  const doc = actorsDoc('The UN Security Council and the European Commission condemned Hamas and the Houthis.', D);
  assert.deepEqual([mention(doc, 'UN Security Council')?.country, mention(doc, 'European Commission')?.country], ['UNO', 'EUR']);
  assert.deepEqual([mention(doc, 'Hamas')?.country, mention(doc, 'Hamas')?.sector], ['HAMAS', 'REB']);
  assert.equal(mention(doc, 'Houthis')?.country, 'HOUTHI');
});

test('recogniser reads a generic body name only after "the"', () => {
  const doc = actorsDoc("Iran's Supreme National Security Council met; later the Security Council voted.", D);
  const uns = mentionsOf(doc, 'Security Council');
  assert.equal(uns.length, 1);
  assert.equal(uns[0].country, 'UNO');
  assert.ok(uns[0].start > doc.text.indexOf('later'));
});

test('recogniser never guesses a country for unknown names', () => {
  const doc = actorsDoc('President Tomas Verhalen said Minister Ilse Korbach would travel. Verhalen later left.', D);
  assert.deepEqual(doc.layers.mentions, []);
});

test('recogniser gives an unknown official the country the text states', () => {
  const doc = actorsDoc('Chilean foreign ministry spokesman Rodrigo Almanzar said talks would resume. Almanzar added nothing.', D);
  const m = mention(doc, 'Chilean foreign ministry spokesman Rodrigo Almanzar');
  assert.deepEqual([m?.actor, m?.country, m?.sector, m?.person], ['CHL', 'CHL', 'GOV', 'Rodrigo Almanzar']);
  const again = mention(doc, 'Almanzar');
  assert.equal(again?.country, 'CHL');
  assert.equal(again?.resolvedBy, 'coref:surname');
});

test('recogniser skips a place that starts a longer unknown name ("Chinese New Year", "Iran Air")', () => {
  const doc = actorsDoc('Flights on Iran Air were full for the Chinese New Year holiday.', D);
  assert.deepEqual(doc.layers.mentions, []);
});

test('recogniser reads a country that is also a given name next to a name as a person ("Michael Jordan")', () => {
  const doc = actorsDoc('The fans cheered for Michael Jordan at the game.', D);
  assert.deepEqual(doc.layers.mentions, []);
});

test('recogniser leaves ambiguous names unresolved ("Korea", "Congo")', () => {
  const doc = actorsDoc('Korea and Congo signed a trade deal.', D);
  assert.deepEqual(doc.layers.mentions, []);
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'actors:ambiguous-name'));
});

test('recogniser skips datelines ("WARSAW, May 3 (Wire) -") but reads the sentence after them', () => {
  const doc = actorsDoc('WARSAW, May 3 (Wire) - Poland recalled its envoy.', D);
  assert.equal(mentionsAt(doc, 'WARSAW').length, 0);
  assert.equal(mention(doc, 'Poland')?.country, 'POL');
});

test('recogniser does not read weekdays and months as surnames', () => {
  const doc = actorsDoc('The summit ends on Friday, and elections follow in May.', '2017-03-01');
  assert.deepEqual(doc.layers.mentions, []);
});

test('recogniser reads plural demonyms ("Palestinians", "Iraqis") as the country', () => {
  const doc = actorsDoc('Palestinians and Iraqis marched together.', D);
  assert.equal(mention(doc, 'Palestinians')?.country, 'PSE');
  assert.equal(mention(doc, 'Iraqis')?.country, 'IRQ');
});

test('recogniser resolves "X administration" to the country government', () => {
  const doc = actorsDoc('The Biden administration announced new rules.', '2022-07-30');
  const m = mention(doc, 'The Biden administration');
  assert.deepEqual([m?.actor, m?.country, m?.sector, m?.person], ['USA', 'USA', 'GOV', null]);
});

test('recogniser reads capitalised words before a full KB name as its title ("Chairman Mahmoud Abbas")', () => {
  const doc = actorsDoc('Chairman Mahmoud Abbas opened the session.', '2010-01-01');
  assert.equal(mention(doc, 'Chairman Mahmoud Abbas')?.actor, 'pse-mahmoud-abbas');
});

test('recogniser does not give a KB person to a name the text places in another country', () => {
  const doc = actorsDoc('Austrian Foreign Minister Lukas Fischer will visit Chile.', D);
  const m = mention(doc, 'Austrian Foreign Minister Lukas Fischer');
  assert.deepEqual([m?.actor, m?.country, m?.person], ['AUT', 'AUT', 'Lukas Fischer']);
});

test('recogniser skips a dateline ending in a colon ("HANOI:")', () => {
  const doc = actorsDoc('HANOI: Chile and Peru signed the accord.', D);
  assert.equal(mentionsAt(doc, 'HANOI').length, 0);
  assert.equal(mention(doc, 'Chile')?.country, 'CHL');
});

test('recogniser gives a title with a surname shared by several KB people their common country', () => {
  // neither Bush held the office on this date, and both acted for the USA
  const doc = actorsDoc('President Bush criticised the plan.', '2000-01-01');
  const m = mention(doc, 'President Bush');
  assert.deepEqual([m?.actor, m?.country, m?.person], ['USA', 'USA', 'Bush']);
});

test('recogniser finds the office holder for a title, a stated country and another spelling of the given name', () => {
  const doc = actorsDoc('Georgian President Mikhail Saakashvili appealed for talks.', '2008-06-01');
  assert.equal(mention(doc, 'Georgian President Mikhail Saakashvili')?.actor, 'geo-mikheil-saakashvili');
});

test('recogniser ends a dateline at its first dash, not at a hyphen inside a name ("Moo-hyun")', () => {
  const doc = actorsDoc('AFP - South Korea\'s President Roh Moo-hyun began a state visit to Chile.', '2004-11-15');
  const m = mentionsAt(doc, 'Roh')[0];
  assert.equal(m?.actor, 'kor-roh-moo-hyun');
  assert.equal(m?.country, 'KOR');
});

test('recogniser reads Chinese and Korean names family name first ("Mr Hu", "Roh Moo Hyun" = "Roh Moo-hyun")', () => {
  assert.ok(kb.lookupName('Hu').some((e) => e.kind === 'person' && e.id === 'chn-hu-jintao' && e.via === 'surname'));
  assert.ok(kb.lookupName('Roh Moo-hyun').some((e) => e.id === 'kor-roh-moo-hyun' && e.via === 'full'));
  assert.ok(!kb.lookupName('Jintao').some((e) => e.via === 'surname' && e.id === 'chn-hu-jintao'));
});

test('recogniser reads a city or region other than the capital as its country, never as the government', () => {
  const doc = actorsDoc('Militias in Najaf fired at a convoy, and rockets later hit Tel Aviv while Darfur waited for aid.', '2004-08-20');
  assert.deepEqual([mention(doc, 'Najaf')?.country, mention(doc, 'Najaf')?.sector, mention(doc, 'Najaf')?.resolvedBy], ['IRQ', null, 'place']);
  assert.deepEqual([mention(doc, 'Tel Aviv')?.country, mention(doc, 'Tel Aviv')?.sector], ['ISR', null]);
  assert.deepEqual([mention(doc, 'Darfur')?.country, mention(doc, 'Darfur')?.sector], ['SDN', null]);
});

test('recogniser reads a compass word or an area noun around a place as part of it ("Western Afghanistan", "Kano State"), not "South America"', () => {
  const doc = actorsDoc('Fighting spread in Western Afghanistan and Kano State, while exports to South America grew.', '2004-08-20');
  assert.equal(mention(doc, 'Afghanistan')?.country, 'AFG');
  assert.equal(mention(doc, 'Kano')?.country, 'NGA');
  assert.equal(mentionsAt(doc, 'America').length, 0);
});

test('recogniser reads a capitalised generic body after a lower-case word as the body ("a Security Council resolution")', () => {
  const doc = actorsDoc('Russia vetoed a Security Council resolution on the war, and the country\u2019s own security council met later.', '2004-08-20');
  assert.equal(mention(doc, 'Security Council')?.country, 'UNO');
  assert.equal(mentionsAt(doc, 'security council', 60).length, 0);
});

test('recogniser resolves a title with a name misspelt by one letter to the one office holder ("President Bouteflicka")', () => {
  const doc = actorsDoc('On Monday, President Bouteflicka welcomed the proposal during a long cabinet meeting in his office.', '2003-01-01');
  assert.equal(mention(doc, 'President Bouteflicka')?.actor, 'dza-abdelaziz-bouteflika');
});

test('recogniser knows spelling variants listed by the PETRARCH dictionary and ethnic groups of one country', () => {
  const doc = actorsDoc('Troops from Ethopia met Yoruba leaders and Chechen rebels.', '2004-08-20');
  assert.equal(mention(doc, 'Ethopia')?.country, 'ETH');
  assert.equal(mentionsAt(doc, 'Yoruba')[0]?.country, 'NGA');
  assert.equal(mentionsAt(doc, 'Chechen')[0]?.country, 'RUS');
});

test('recogniser reads a place in a headline even after a capitalised verb ("Leader Praises U.S. in Address")', () => {
  const doc = actorsDoc('Kenyan Leader Praises U.S. in Address to Senators', '2004-09-24');
  assert.equal(mention(doc, 'U.S.')?.country, 'USA');
});

test('recogniser treats a given name that is also a KB surname as a capitalised word before a place name ("Simon Mann")', () => {
  const doc = actorsDoc('The court in Harare jailed the mercenary Simon Mann for seven years.', '2004-09-24');
  assert.equal(mentionsAt(doc, 'Mann').length, 0);
});

test('recogniser reads an honorific between a title and a name as part of the description ("President General X")', () => {
  const doc = actorsDoc('Pakistan President General Pervez Musharraf received Pope John Paul II in Islamabad.', '2004-12-01');
  assert.equal(mention(doc, 'Pakistan President General Pervez Musharraf')?.actor, 'pak-pervez-musharraf');
  assert.equal(mention(doc, 'Pope John Paul II')?.country, 'VAT');
});

test('recogniser reads an ethnic or religious noun after a nationality as its people ("Turkish Kurd refugees", "Iraqi Shiite leaders")', () => {
  const doc = actorsDoc('Turkish Kurd refugees met Iraqi Shiite leaders near the border.', '2004-08-20');
  assert.equal(mentionsAt(doc, 'Kurd')[0]?.country, 'TUR');
  assert.equal(mentionsAt(doc, 'Shiite')[0]?.country, 'IRQ');
  assert.equal(actorsDoc('Kurdish rebels attacked a post.', '2004-08-20').layers.mentions.length, 0);
});

test('recogniser reads a month word before a known surname as a given name, not in a date', () => {
  const doc = actorsDoc('Jan Egeland toured the camps, and in May Blair said little.', '2004-09-01');
  assert.equal(mention(doc, 'Jan Egeland')?.country, 'UNO');
  assert.equal(mention(doc, 'May Blair'), undefined);
  assert.equal(mention(doc, 'Blair')?.country, 'GBR');
});

test('recogniser needs support for a capital that is also a common place word ("a Gaza Settlement")', () => {
  const doc = actorsDoc('Mortar fire hit a Gaza Settlement on Friday.', '2004-09-01');
  assert.equal(doc.layers.mentions.some((m) => m.country === 'CXR'), false);
  assert.equal(mention(doc, 'Gaza')?.country, 'PSE');
});

test('recogniser splits a title-case headline "Putin Phones Bush" into two people around the capitalised verb', () => {
  const doc = actorsDoc('Putin Phones Bush', '2004-09-24');
  assert.equal(mention(doc, 'Putin')?.country, 'RUS');
  assert.equal(mention(doc, 'Bush')?.country, 'USA');
});

test('recogniser reads an ambiguous capital beside another state\'s capital as its government ("Pyongyang accused Washington")', () => {
  const doc = actorsDoc('Pyongyang accused Washington of lying.', '2004-09-24');
  assert.equal(mention(doc, 'Washington')?.country, 'USA');
  assert.equal(mentionsAt(actorsDoc('Tourists flocked to Washington.', '2004-09-24'), 'Washington').length, 0);
});

test('recogniser resolves the bare surname of the head of an international organisation ("ElBaradei said")', () => {
  const doc = actorsDoc('ElBaradei urged Iran to cooperate.', '2004-09-24');
  assert.equal(mention(doc, 'ElBaradei')?.country, 'IAEA');
});
