/**
 * A tiny hand-written gazetteer for the coder's tests and lexicon examples: marks country names,
 * demonyms, capitals and a few organisations as actor mentions, so that the `code` stage can be
 * tested without the knowledge base. (Not a test file: helpers for the *.test.ts files here.)
 */
import type { Doc, Mention } from '../../../src/doc.js';
import { buildPipeline } from '../../../src/pipeline.js';
import '../../../src/nlp/segment.js';
import '../../../src/dates/index.js';
import { docFromText } from '../../helpers/doc-builder.js';

/** name → actor code. Written for these tests; covers the actors the lexicon examples use. */
const NAMES: Record<string, string> = {};
function add(code: string, ...names: string[]) {
  for (const n of names) NAMES[n] = code;
}
add('CHN', 'China', 'Chinese', 'Beijing');
add('IRN', 'Iran', 'Iranian', 'Tehran');
add('POL', 'Poland', 'Polish', 'Warsaw');
add('USA', 'United States', 'U.S.', 'US', 'American', 'Washington');
add('RUS', 'Russia', 'Russian', 'Moscow', 'Kremlin');
add('GBR', 'Britain', 'British', 'London', 'United Kingdom');
add('FRA', 'France', 'French', 'Paris');
add('DEU', 'Germany', 'German', 'Berlin');
add('ITA', 'Italy', 'Italian', 'Rome');
add('ESP', 'Spain', 'Spanish', 'Madrid');
add('JPN', 'Japan', 'Japanese', 'Tokyo');
add('KOR', 'South Korea', 'South Korean', 'Seoul');
add('PRK', 'North Korea', 'North Korean', 'Pyongyang');
add('IND', 'India', 'Indian', 'New Delhi');
add('PAK', 'Pakistan', 'Pakistani', 'Islamabad');
add('AFG', 'Afghanistan', 'Afghan', 'Kabul');
add('ISR', 'Israel', 'Israeli');
add('PSE', 'Palestinian', 'Palestinians', 'Gaza', 'West Bank', 'Ramallah');
add('SYR', 'Syria', 'Syrian', 'Damascus');
add('IRQ', 'Iraq', 'Iraqi', 'Baghdad');
add('TUR', 'Turkey', 'Turkish', 'Ankara');
add('EGY', 'Egypt', 'Egyptian', 'Cairo');
add('SAU', 'Saudi Arabia', 'Saudi', 'Riyadh');
add('JOR', 'Jordan', 'Jordanian', 'Amman');
add('LBN', 'Lebanon', 'Lebanese', 'Beirut');
add('KEN', 'Kenya', 'Kenyan', 'Nairobi');
add('UGA', 'Uganda', 'Ugandan', 'Kampala');
add('ETH', 'Ethiopia', 'Ethiopian', 'Addis Ababa');
add('ERI', 'Eritrea', 'Eritrean', 'Asmara');
add('SDN', 'Sudan', 'Sudanese', 'Khartoum');
add('NGA', 'Nigeria', 'Nigerian', 'Abuja');
add('ZAF', 'South Africa', 'South African', 'Pretoria');
add('BRA', 'Brazil', 'Brazilian', 'Brasilia');
add('ARG', 'Argentina', 'Argentine', 'Buenos Aires');
add('MEX', 'Mexico', 'Mexican');
add('COL', 'Colombia', 'Colombian', 'Bogota');
add('VEN', 'Venezuela', 'Venezuelan', 'Caracas');
add('CUB', 'Cuba', 'Cuban', 'Havana');
add('CAN', 'Canada', 'Canadian', 'Ottawa');
add('AUS', 'Australia', 'Australian', 'Canberra');
add('IDN', 'Indonesia', 'Indonesian', 'Jakarta');
add('PHL', 'Philippines', 'Philippine', 'Filipino', 'Manila');
add('VNM', 'Vietnam', 'Vietnamese', 'Hanoi');
add('THA', 'Thailand', 'Thai', 'Bangkok');
add('MMR', 'Myanmar', 'Burmese');
add('UKR', 'Ukraine', 'Ukrainian', 'Kyiv', 'Kiev');
add('GEO', 'Georgia', 'Georgian', 'Tbilisi');
add('ARM', 'Armenia', 'Armenian', 'Yerevan');
add('AZE', 'Azerbaijan', 'Azerbaijani', 'Baku');
add('SRB', 'Serbia', 'Serbian', 'Belgrade');
add('GRC', 'Greece', 'Greek', 'Athens');
add('NLD', 'Netherlands', 'Dutch', 'The Hague');
add('BEL', 'Belgium', 'Belgian', 'Brussels');
add('SWE', 'Sweden', 'Swedish', 'Stockholm');
add('NOR', 'Norway', 'Norwegian', 'Oslo');
add('CHE', 'Switzerland', 'Swiss', 'Geneva');
add('QAT', 'Qatar', 'Qatari', 'Doha');
add('YEM', 'Yemen', 'Yemeni', 'Sanaa');
add('LBY', 'Libya', 'Libyan', 'Tripoli');
add('SOM', 'Somalia', 'Somali', 'Mogadishu');
add('NPL', 'Nepal', 'Nepalese', 'Kathmandu');
add('LKA', 'Sri Lanka', 'Sri Lankan', 'Colombo');
add('TWN', 'Taiwan', 'Taiwanese', 'Taipei');
add('UNO', 'United Nations', 'UN', 'U.N.', 'Security Council');
add('EUR', 'European Union', 'EU', 'E.U.');
add('NATO', 'NATO');
add('AFU', 'African Union');
add('IAEA', 'IAEA');
add('ARL', 'Arab League');
add('HAMAS', 'Hamas');
add('HEZBOLLAH', 'Hezbollah');
add('TALIBAN', 'Taliban');

const SORTED = Object.keys(NAMES).sort((a, b) => b.length - a.length);
const ESC = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RE = new RegExp(`(?<![A-Za-z])(?:${SORTED.map(ESC).join('|')})(?![A-Za-z])`, 'g');

/** The actor code of a name in the mini gazetteer. */
export function miniCode(name: string): string | undefined {
  return NAMES[name];
}

/** Fill `doc.layers.mentions` with the mini gazetteer's names (needs sentences from `segment`). */
export function markActors(doc: Doc, extra: Record<string, string> = {}): Mention[] {
  const names = { ...NAMES, ...extra };
  const re = Object.keys(extra).length
    ? new RegExp(`(?<![A-Za-z])(?:${Object.keys(names).sort((a, b) => b.length - a.length).map(ESC).join('|')})(?![A-Za-z])`, 'g')
    : RE;
  const mentions: Mention[] = [];
  for (const m of doc.text.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    const sentence = doc.layers.sentences.find((s) => s.start <= start && end <= s.end);
    if (!sentence) continue;
    const code = names[m[0]];
    mentions.push({ id: mentions.length, start, end, text: m[0], actor: code, country: code, sector: null, role: null, person: null, sentence: sentence.id, resolvedBy: 'name' });
  }
  doc.layers.mentions = mentions;
  return mentions;
}

/** A segmented Doc with time expressions and mini-gazetteer mentions, ready for the `code` stage. */
export function actorDoc(text: string, published?: string, extra: Record<string, string> = {}): Doc {
  const doc = docFromText(text, published ? { published } : {});
  buildPipeline(['segment', 'times'], { config: {} }, ['text', 'blocks']).run(doc);
  markActors(doc, extra);
  return doc;
}
