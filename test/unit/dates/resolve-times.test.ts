import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTimes, scanTimes } from '../../../src/dates/resolve-times.js';

// Fixed publication days used below: 2022-07-30 is a Saturday, 2022-07-29 a Friday.
const SAT = '2022-07-30';
const FRI = '2022-07-29';

/** The single time found in `text`, as [text, date, basis, granularity]. */
function one(text: string, published: string | undefined) {
  const times = resolveTimes(text, published);
  assert.equal(times.length, 1, `expected one time in '${text}', got ${JSON.stringify(times)}`);
  const t = times[0];
  return [t.text, t.date, t.basis, t.granularity];
}

test('resolveTimes resolves a bare weekday to the latest such day before publication', () => {
  assert.deepEqual(one('The two leaders spoke by phone on Friday.', SAT), ['Friday', '2022-07-29', 'relative', 'day']);
  assert.deepEqual(one('The vote on Sunday was calm.', SAT), ['Sunday', '2022-07-24', 'relative', 'day']);
});

test('resolveTimes counts the publication day itself for a bare weekday', () => {
  assert.deepEqual(one('Ministers met on Friday in the capital.', FRI), ['Friday', '2022-07-29', 'relative', 'day']);
});

test('resolveTimes reads last, next and this before a weekday', () => {
  assert.equal(resolveTimes('The envoy left last Friday.', FRI)[0].date, '2022-07-22');
  assert.equal(resolveTimes('The envoy left last Friday.', SAT)[0].date, '2022-07-29');
  assert.equal(resolveTimes('The envoy will return next Friday.', FRI)[0].date, '2022-08-05');
  assert.equal(resolveTimes('The envoy returns this Wednesday.', FRI)[0].date, '2022-07-27');
  assert.equal(resolveTimes('The envoy left last Friday.', SAT)[0].text, 'last Friday');
});

test('resolveTimes resolves yesterday, today, tonight, tomorrow and last night', () => {
  assert.equal(one('Rebels shelled the town yesterday.', SAT)[1], '2022-07-29');
  assert.equal(one('The cabinet meets today.', SAT)[1], '2022-07-30');
  assert.equal(one('Talks resume tonight.', SAT)[1], '2022-07-30');
  assert.equal(one('Talks resume tomorrow.', SAT)[1], '2022-07-31');
  assert.equal(one('Troops crossed the river last night.', SAT)[1], '2022-07-29');
  assert.equal(one('The ship sailed the day before yesterday.', SAT)[1], '2022-07-28');
});

test('resolveTimes counts back N days, weeks, months and years ago', () => {
  assert.deepEqual(one('The deal was struck two days ago.', SAT), ['two days ago', '2022-07-28', 'relative', 'day']);
  assert.deepEqual(one('The border closed 3 weeks ago.', SAT), ['3 weeks ago', '2022-07-09', 'relative', 'week']);
  assert.deepEqual(one('The embassy shut a year ago.', SAT), ['a year ago', '2021-07-30', 'relative', 'year']);
});

test('resolveTimes dates last week seven days back and this week on its Monday', () => {
  assert.deepEqual(one('Envoys met in Oslo last week.', SAT), ['last week', '2022-07-23', 'relative', 'week']);
  assert.deepEqual(one('Envoys met earlier this week.', SAT), ['earlier this week', '2022-07-25', 'relative', 'week']);
});

test('resolveTimes dates earlier this month and last month on the first of the month', () => {
  assert.deepEqual(one('Fighting flared earlier this month.', SAT), ['earlier this month', '2022-07-01', 'relative', 'month']);
  assert.deepEqual(one('Fighting flared last month.', '2022-01-10'), ['last month', '2021-12-01', 'relative', 'month']);
});

test('resolveTimes rejects later this month as a vague future', () => {
  const scan = scanTimes('A summit is planned later this month.', SAT);
  assert.equal(scan.times.length, 0);
  assert.match(scan.rejected[0].reason, /future/);
});

test('resolveTimes keeps this year as a year-long period', () => {
  assert.deepEqual(one('Prices rose this year.', SAT), ['this year', '2022-01-01', 'relative', 'year']);
});

test('resolveTimes resolves a month and day without a year to the latest such date not after publication', () => {
  assert.deepEqual(one('The accord was signed on Nov 25 in Cairo.', SAT), ['Nov 25', '2021-11-25', 'relative', 'day']);
  assert.equal(one('It was signed on Nov. 25.', SAT)[1], '2021-11-25');
  assert.equal(one('It was signed on 25 November.', SAT)[1], '2021-11-25');
  assert.equal(one('It was signed on July 29.', SAT)[1], '2022-07-29');
  assert.equal(one('Parliament voted on July 30.', SAT)[1], '2022-07-30');
});

test('resolveTimes rolls a December date back a year in early January', () => {
  assert.equal(one('The ceasefire began on Dec 30.', '2023-01-02')[1], '2022-12-30');
});

test('resolveTimes takes Feb 29 from the last leap year', () => {
  assert.equal(one('The pact dates from Feb 29.', '2023-03-01')[1], '2020-02-29');
});

test('resolveTimes marks full dates with a year explicit', () => {
  assert.deepEqual(one('The treaty was signed on 4 March 2021.', SAT), ['4 March 2021', '2021-03-04', 'explicit', 'day']);
  assert.deepEqual(one('The treaty was signed on July 4, 2021, in Rome.', SAT), ['July 4, 2021', '2021-07-04', 'explicit', 'day']);
  assert.deepEqual(one('The treaty took effect 2021-07-04.', SAT), ['2021-07-04', '2021-07-04', 'explicit', 'day']);
  assert.deepEqual(one('Relations were cut in 2019.', SAT), ['2019', '2019-01-01', 'explicit', 'year']);
  assert.deepEqual(one('Relations were cut in May 2019.', SAT), ['May 2019', '2019-05-01', 'explicit', 'month']);
});

test('resolveTimes resolves a month name after in or since to the latest such month', () => {
  assert.deepEqual(one('The talks began in March.', SAT), ['March', '2022-03-01', 'relative', 'month']);
  assert.deepEqual(one('The talks began in November.', SAT), ['November', '2021-11-01', 'relative', 'month']);
  assert.deepEqual(one('Unrest has grown since mid-July.', SAT), ['mid-July', '2022-07-01', 'relative', 'month']);
});

test('resolveTimes resolves explicit dates but no relative ones without a publication date', () => {
  assert.deepEqual(resolveTimes('The ministers spoke on Thursday.', undefined), []);
  assert.deepEqual(resolveTimes('The ministers spoke yesterday.', undefined), []);
  assert.deepEqual(resolveTimes('The ministers spoke on Nov 25.', undefined), []);
  const scan = scanTimes('The ministers spoke on Thursday.', undefined);
  assert.equal(scan.rejected[0].unresolved, true);
  assert.equal(one('The ministers spoke on 25 November 2021.', undefined)[1], '2021-11-25');
});

test('resolveTimes uses only the calendar day of a publication datetime', () => {
  assert.equal(one('Shelling resumed yesterday.', '2022-07-30T23:50:00-04:00')[1], '2022-07-29');
  assert.equal(one('Shelling resumed yesterday.', 'Sat, 30 Jul 2022 01:10:00 +0800')[1], '2022-07-29');
});

test('resolveTimes does not take May or March as dates when they are a name or a verb', () => {
  assert.deepEqual(resolveTimes('May told lawmakers she would stay.', SAT), []);
  assert.deepEqual(resolveTimes('Protesters plan to march on the palace.', SAT), []);
  assert.deepEqual(resolveTimes('March organisers expect large crowds.', SAT), []);
  assert.deepEqual(resolveTimes("Critics of May's cabinet spoke out.", SAT), []);
  assert.deepEqual(resolveTimes('Officials may meet again soon.', SAT), []);
});

test('resolveTimes rejects ordinals, now, bare numbers and times of day', () => {
  assert.deepEqual(resolveTimes('It was the second round of talks.', SAT), []);
  assert.deepEqual(resolveTimes('The crisis is now over.', SAT), []);
  assert.deepEqual(resolveTimes('Resolution 2250 passed with 12 votes.', SAT), []);
  assert.deepEqual(resolveTimes('The council met at 10 am.', SAT), []);
  assert.deepEqual(resolveTimes('The siege lasted for two days.', SAT), []);
  assert.deepEqual(resolveTimes('A week earlier the army had withdrawn.', SAT), []);
});

test('resolveTimes rejects numeric dates without a year and ambiguous numeric dates', () => {
  assert.deepEqual(resolveTimes('Memories of 9/11 shaped the debate.', SAT), []);
  assert.deepEqual(resolveTimes('The memo is dated 3/4/2021.', SAT), []);
  assert.equal(one('The memo is dated 25/4/2021.', SAT)[1], '2021-04-25');
});

test('resolveTimes rejects weekday names inside names and habits', () => {
  assert.deepEqual(resolveTimes('The Good Friday Agreement is still cited.', SAT), []);
  assert.deepEqual(resolveTimes('The Sunday Times reported the plan.', SAT), []);
  assert.deepEqual(resolveTimes('Sunday Telegraph editors declined to comment.', SAT), []);
  assert.deepEqual(resolveTimes('Crowds gather on Fridays after prayers.', SAT), []);
  assert.deepEqual(resolveTimes('Talks are held every Monday.', SAT), []);
  assert.deepEqual(resolveTimes('Viewers of USA Today saw the story.', SAT), []);
});

test('resolveTimes treats a year followed by a noun as a count', () => {
  assert.deepEqual(resolveTimes('The town was held by 2000 troops.', SAT), []);
  assert.equal(one('The town has been held since 2014 by rebels.', SAT)[1], '2014-01-01');
});

test('resolveTimes gives exact offsets and leaves prepositions out of the span', () => {
  const text = 'Officials said on Friday that talks held on 3 June 2021 failed.';
  const times = resolveTimes(text, SAT);
  assert.equal(times.length, 2);
  for (const t of times) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(times[0].start, text.indexOf('Friday'));
  assert.equal(times[0].end, text.indexOf('Friday') + 'Friday'.length);
  assert.equal(times[1].text, '3 June 2021');
});

test('resolveTimes prefers a full date over the weekday inside it', () => {
  assert.deepEqual(one('The call took place on Friday, July 29.', '2022-08-03'), ['Friday, July 29', '2022-07-29', 'relative', 'day']);
});

test('scanTimes reports the reason for each rejected candidate', () => {
  const scan = scanTimes('At 9 pm the Good Friday accord was marked, 3 days after the vote.', SAT);
  assert.equal(scan.times.length, 0);
  const reasons = scan.rejected.map((r) => `${r.text}: ${r.reason}`).join(' | ');
  assert.match(reasons, /9 pm: a time of day without a date/);
  assert.match(reasons, /Friday: weekday inside a name/);
  assert.match(reasons, /3 days after: a duration or a time relative to another event/);
});

test('resolveTimes reads weekdays and unambiguous months in lower case', () => {
  assert.deepEqual(one('The rally on friday drew thousands.', SAT), ['friday', '2022-07-29', 'relative', 'day']);
  assert.deepEqual(one('Ballots were counted on january 4.', SAT), ['january 4', '2022-01-04', 'relative', 'day']);
});

test('resolveTimes reads march and may in lower case only in lower-cased text', () => {
  assert.deepEqual(resolveTimes('Veterans will march 15 miles to the capital.', SAT), []);
  assert.deepEqual(one('police said the march 15 programme was banned.', SAT), ['march 15', '2022-03-15', 'relative', 'day']);
});

test('scanTimes finds every kind of expression in one sentence, whatever the case, and nothing in a sentence without date words (issue 4)', () => {
  const text = 'MONDAY talks followed tonight’s vote, two weeks ago, since early March and in 2019, the ministry said on 12 July 2021.';
  const scan = scanTimes(text, SAT);
  assert.deepEqual(
    scan.times.map((t) => [t.text, t.date]),
    [
      ['MONDAY', '2022-07-25'],
      ['tonight', '2022-07-30'],
      ['two weeks ago', '2022-07-16'],
      ['early March', '2022-03-01'],
      ['2019', '2019-01-01'],
      ['12 July 2021', '2021-07-12'],
    ],
  );
  assert.deepEqual(scanTimes('The delegates agreed on the wording of the final communique.', SAT), { times: [], rejected: [] });
  assert.deepEqual(scanTimes('Prices rose midweek and over the weekend.', SAT).times.map((t) => t.text), ['the weekend']);
});
