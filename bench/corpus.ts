/**
 * A deterministic generator of news-like articles for benchmarks: realistic length (~600 words),
 * paragraphs, a caption and promo lines, datelines and diplomatic sentences between real
 * countries, so that every stage has work to do. Nothing here is taken from real articles.
 */

/** Mulberry32: a small seeded PRNG, so the same seed gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  ['China', 'Chinese', 'Beijing'], ['Iran', 'Iranian', 'Tehran'], ['Poland', 'Polish', 'Warsaw'],
  ['France', 'French', 'Paris'], ['Germany', 'German', 'Berlin'], ['Japan', 'Japanese', 'Tokyo'],
  ['India', 'Indian', 'New Delhi'], ['Brazil', 'Brazilian', 'Brasilia'], ['Kenya', 'Kenyan', 'Nairobi'],
  ['Egypt', 'Egyptian', 'Cairo'], ['Turkey', 'Turkish', 'Ankara'], ['Mexico', 'Mexican', 'Mexico City'],
  ['Nigeria', 'Nigerian', 'Abuja'], ['Indonesia', 'Indonesian', 'Jakarta'], ['Canada', 'Canadian', 'Ottawa'],
  ['Australia', 'Australian', 'Canberra'], ['Russia', 'Russian', 'Moscow'], ['Ukraine', 'Ukrainian', 'Kyiv'],
] as const;

const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Defence Minister'];
const VERBS = [
  'spoke with {B} by phone on {DAY}',
  'met {B} in {CAP} on {DAY}',
  'condemned {B} for the border incident',
  'called on {B} to release the detained sailors',
  'praised {B} for its role in the talks',
  'accused {B} of meddling in the election',
  'signed a trade agreement with {B} on {DAY}',
  'imposed sanctions on {B} over the missile tests',
  'hosted a delegation from {B}',
  'rejected a proposal from {B} to reopen the pipeline',
];
const FILLER = [
  'Officials said the discussions covered trade, energy and the security of shipping lanes in the region.',
  'Analysts expect the decision to weigh on markets in the coming weeks, although the immediate effect was limited.',
  'The ministry did not give further details, saying a joint statement would be published later in the week.',
  'Both governments have been under pressure at home to show progress before the end of the year.',
  'Negotiators worked through the night to agree on the wording of the final document, according to people familiar with the matter.',
  'The two countries have had close economic ties for decades, with bilateral trade worth several billion dollars a year.',
  'Opposition lawmakers criticised the move, saying it had been agreed without consulting parliament.',
  'A spokesperson said the talks had been constructive and that further meetings were planned for the spring.',
  'The announcement came after weeks of speculation about the future of the agreement.',
  'Diplomats said a follow-up meeting could take place at the regional summit next month.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

export interface GeneratedArticle {
  id: string;
  title: string;
  published: string;
  source: string;
  text: string;
}

/** The i-th article of the corpus with the given seed (~600 words). */
export function article(seed: number, i: number, words = 600): GeneratedArticle {
  const r = rng(seed * 1_000_003 + i);
  const [a, aDem, aCap] = pick(r, COUNTRIES);
  let b = pick(r, COUNTRIES);
  while (b[0] === a) b = pick(r, COUNTRIES);
  const day = pick(r, DAYS);
  const month = 1 + Math.floor(r() * 12);
  const dom = 1 + Math.floor(r() * 28);
  const published = `20${10 + Math.floor(r() * 15)}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
  const lines: string[] = [];
  lines.push(`This file photo shows the ${aDem} ${pick(r, TITLES).toLowerCase()} arriving in ${b[2]}. (PHOTO / EXAMPLE WIRE)`);
  const lead = pick(r, VERBS).replace('{B}', b[0]).replace('{CAP}', aCap).replace('{DAY}', day);
  lines.push(`${aCap.toUpperCase()}, ${published} -- The ${aDem} ${pick(r, TITLES).toLowerCase()} ${lead}, the government said.`);
  let count = lines.join(' ').split(/\s+/).length;
  let para = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let k = 0; k < 3; k++) {
      if (r() < 0.3) {
        const v = pick(r, VERBS).replace('{B}', pick(r, COUNTRIES)[0]).replace('{CAP}', pick(r, COUNTRIES)[2]).replace('{DAY}', pick(r, DAYS));
        sentences.push(`${pick(r, COUNTRIES)[0]} ${v}.`);
      } else sentences.push(pick(r, FILLER));
    }
    const p = sentences.join(' ');
    lines.push(p);
    count += p.split(/\s+/).length;
    if (++para === 3) lines.push(`ALSO READ: ${b[1]} officials head to ${aCap} for talks`);
  }
  return {
    id: `gen-${seed}-${i}`,
    title: `${a} and ${b[0]}: ${lead.split(' ').slice(0, 4).join(' ')}`,
    published,
    source: 'Example Wire',
    text: lines.join('\n'),
  };
}
