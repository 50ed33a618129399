import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectHeadline, isRepeatedHeadline, titleForms } from '../../../src/clean/headline.js';
import { at } from '../../fixtures/clean/build.js';

test('titleForms strips outlet suffixes', () => {
  assert.deepEqual(titleForms('Talks resume in Geneva - Harbour Wire'), ['talks resume in geneva harbour wire', 'talks resume in geneva']);
});

test('isRepeatedHeadline ignores case, punctuation and an outlet suffix', () => {
  assert.equal(isRepeatedHeadline('Talks resume in Geneva.', 'Talks Resume in Geneva | Harbour Wire'), true);
  assert.equal(isRepeatedHeadline('Talks resume in Geneva after a pause of two weeks.', 'Talks resume in Geneva'), false);
});

test('detectHeadline only fires on the first kept block near the top', () => {
  const title = 'Talks resume in Geneva';
  assert.equal(detectHeadline('Talks resume in Geneva', at({ index: 0, firstKept: true, title }))?.reason, 'headline');
  assert.equal(detectHeadline('Talks resume in Geneva', at({ index: 1, firstKept: false, title })), undefined);
  assert.equal(detectHeadline('Talks resume in Geneva', at({ index: 6, firstKept: true, title })), undefined);
});
