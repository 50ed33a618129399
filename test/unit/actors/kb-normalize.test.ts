// Tests of name folding shared by the KB build and lookups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normName, isAllCaps, startsUpper } from '../../../src/actors/kb-normalize.js';

test('normName folds case, diacritics and special letters', () => {
  assert.equal(normName('Élysée'), 'elysee');
  assert.equal(normName('Radosław Sikorski'), 'radoslaw sikorski');
  assert.equal(normName('Mevlüt Çavuşoğlu'), 'mevlut cavusoglu');
  assert.equal(normName('Straße'), 'strasse');
});

test('normName removes periods and folds quotes and dashes', () => {
  assert.equal(normName('U.S.'), 'us');
  assert.equal(normName('Joseph R. Biden'), 'joseph r biden');
  assert.equal(normName('Quai d’Orsay'), "quai d'orsay");
  assert.equal(normName('Sino–'), 'sino-');
  assert.equal(normName('  the   Kremlin '), 'the kremlin');
});

test('isAllCaps and startsUpper read the original case', () => {
  assert.equal(isAllCaps('NATO'), true);
  assert.equal(isAllCaps('U.S.'), true);
  assert.equal(isAllCaps('Nato'), false);
  assert.equal(startsUpper('Turkey'), true);
  assert.equal(startsUpper('turkey'), false);
});
