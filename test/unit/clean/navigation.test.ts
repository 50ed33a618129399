import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectNavigation, isBreadcrumb, navigationPattern } from '../../../src/clean/navigation.js';
import { at } from '../../fixtures/clean/build.js';

test('isBreadcrumb matches breadcrumb trails', () => {
  assert.equal(isBreadcrumb('Home > World > Europe'), true);
  assert.equal(isBreadcrumb('Home / News / Politics'), true);
  assert.equal(isBreadcrumb('News › Asia › South Asia'), true);
  assert.equal(isBreadcrumb('The vote passed 52 > 48 after a long debate.'), false);
});

test('navigationPattern matches skip links and tag lists', () => {
  assert.equal(navigationPattern('Skip to main content'), 'nav-link');
  assert.equal(navigationPattern('Next article »'), 'nav-link');
  assert.equal(navigationPattern('Tags: diplomacy, fisheries, Malta'), 'tag-list');
  assert.equal(detectNavigation('Home affairs ministers from five countries met in Vienna to discuss border checks.', at()), undefined);
});

test('navigationPattern matches bare tag headers and learn-more links', () => {
  assert.equal(navigationPattern('Tags'), 'nav-link');
  assert.equal(navigationPattern('LEARN MORE'), 'nav-link');
});
