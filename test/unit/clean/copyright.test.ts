import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCopyright, isCopyrightFooter } from '../../../src/clean/copyright.js';
import { at } from '../../fixtures/clean/build.js';

test('isCopyrightFooter matches copyright footers', () => {
  assert.equal(isCopyrightFooter('© 2024 Harbour Wire. All rights reserved.'), true);
  assert.equal(isCopyrightFooter('Copyright 2023 Coastal Media Group'), true);
  assert.equal(isCopyrightFooter('This material may not be published, broadcast, rewritten or redistributed.'), true);
  assert.equal(detectCopyright('All Rights Reserved', at())?.reason, 'copyright');
});

test('isCopyrightFooter keeps news about copyright', () => {
  assert.equal(isCopyrightFooter('Copyright disputes between the two publishers have dragged on since 2019.'), false);
});

test('isCopyrightFooter matches circled-c and at-sign variants', () => {
  assert.equal(isCopyrightFooter('Copyright ⓒ Example Media. Unauthorised reproduction prohibited.'), true);
  assert.equal(isCopyrightFooter('Copyright @ 2019 The Example Post.'), true);
});
