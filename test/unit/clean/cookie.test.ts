import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCookie, isCookieNotice } from '../../../src/clean/cookie.js';
import { at } from '../../fixtures/clean/build.js';

test('isCookieNotice matches site cookie notices and consent buttons', () => {
  assert.equal(isCookieNotice('We use cookies to improve your experience on our website. By continuing you accept them.'), true);
  assert.equal(isCookieNotice('Accept all cookies'), true);
  assert.equal(isCookieNotice('Manage preferences'), true);
});

test('isCookieNotice keeps news about cookies', () => {
  assert.equal(isCookieNotice('The bakery exported cookies worth $2 million to its neighbours last year.'), false);
  assert.equal(detectCookie('Regulators fined the firm for tracking users without consent.', at()), undefined);
});
