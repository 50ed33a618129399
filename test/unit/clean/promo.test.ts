import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPromo, isBarePromoLabel, isPromoListLabel, looksLikeHeadline, promoPattern } from '../../../src/clean/promo.js';
import { at } from '../../fixtures/clean/build.js';

test('promoPattern matches labelled cross-promotion lines', () => {
  assert.equal(promoPattern('ALSO READ: Fishing fleets brace for a lean winter season'), 'promo-label');
  assert.equal(promoPattern('READ MORE: Peru eyes Mediterranean ports for its exports'), 'promo-label');
  assert.equal(promoPattern('Related: Talks on the dam stall again'), 'promo-label');
  assert.equal(promoPattern('You may also like'), 'promo-label');
  assert.equal(promoPattern('Watch: Floodwaters sweep through the old town'), 'promo-label');
  assert.equal(promoPattern('Read more'), 'promo-label');
  assert.equal(promoPattern('Read the full interview with the minister'), 'read-more');
  assert.equal(promoPattern('Click here to receive our weekly digest.'), 'click-here');
});

test('promoPattern keeps sentences that start with a label word', () => {
  assert.equal(promoPattern('Related talks on water rights will resume in Geneva next week, the envoy said.'), undefined);
  assert.equal(promoPattern('Watch officials, not slogans, the former ambassador told the committee.'), undefined);
  assert.equal(promoPattern('Click-through rates on government health adverts doubled during the campaign.'), undefined);
  assert.equal(promoPattern('More than 40 people were injured in the clashes, medics said.'), undefined);
});

test('isPromoListLabel accepts list labels only', () => {
  assert.equal(isPromoListLabel('Related stories'), true);
  assert.equal(isBarePromoLabel("Don't miss"), true);
  assert.equal(isPromoListLabel("Don't miss"), false);
});

test('detectPromo drops headline-shaped links after a list label and keeps sentences', () => {
  assert.equal(looksLikeHeadline('Ceasefire holds for a third day in the south'), true);
  assert.equal(detectPromo('Ceasefire holds for a third day in the south', at({ afterPromoLabel: 1 }))?.rule, 'promo-link');
  assert.equal(detectPromo('The ceasefire held for a third day, officials said.', at({ afterPromoLabel: 1 })), undefined);
  assert.equal(detectPromo('Ceasefire holds for a third day in the south', at()), undefined);
});

test('promoPattern matches section labels, coverage links and tagged headline links', () => {
  assert.equal(promoPattern('RECENT ARTICLES'), 'promo-label');
  assert.equal(promoPattern('More World News'), 'promo-label');
  assert.equal(promoPattern('More:'), 'promo-label');
  assert.equal(promoPattern('Also on example.com Ministers clash over the budget'), 'read-more');
  assert.equal(promoPattern("Follow our full coverage of the election at https://example.org/vote"), 'read-more');
  assert.equal(promoPattern('Storm batters the coast as thousands flee [PICTURES]'), 'tagged-link');
  assert.equal(promoPattern('Get the latest headlines on the go by clicking here'), 'click-here');
  assert.equal(promoPattern('More bad news for the coalition arrived on Tuesday when two ministers resigned.'), undefined);
});

test('isPromoListLabel accepts a qualified label ending in a colon', () => {
  assert.equal(isPromoListLabel('Related coverage from Money Matters: Savings:'), true);
  assert.equal(isPromoListLabel('Related coverage from the front'), false);
});

test('promoPattern drops a bare "Latest" label but keeps a live-blog entry that starts with it', () => {
  assert.equal(promoPattern('Latest'), 'promo-label');
  assert.equal(promoPattern('Latest: Ministers agree to extend the truce by a week'), undefined);
});
