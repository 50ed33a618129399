import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorBox, detectByline, isByLine, isReportingCredit } from '../../../src/clean/byline.js';
import { at } from '../../fixtures/clean/build.js';

test('isByLine matches author lines', () => {
  assert.equal(isByLine('By Jane Doe'), true);
  assert.equal(isByLine('By Ana Sorensen and Mark Ellis | Harbour Wire'), true);
  assert.equal(isByLine('BY KOFI MENSAH, Staff Writer'), true);
  assert.equal(isByLine('By Lucia de la Cruz in Quito'), true);
});

test('isByLine keeps sentences that start with "By"', () => {
  assert.equal(isByLine('By Friday, the rebels had withdrawn from three towns near the northern border.'), false);
  assert.equal(isByLine('By contrast, the opposition said the count had been rigged in two provinces.'), false);
  assert.equal(isByLine('By March the reserves had run out.'), false);
  assert.equal(isByLine("By Beijing's count, trade grew by a fifth."), false);
});

test('isReportingCredit matches reporting and editing credits', () => {
  assert.equal(isReportingCredit('Reporting by Omar Haddad; Editing by Clara Munoz'), true);
  assert.equal(isReportingCredit('(Additional reporting by Ivo Petrov in Sofia)'), true);
  assert.equal(isReportingCredit('Reporting by the agency suggested the deal was close.'), false);
});

test('detectByline finds author boxes only near the end', () => {
  const box = 'Ana Sorensen is a correspondent for Harbour Wire based in Lisbon.';
  assert.equal(authorBox(box), 'author-box');
  assert.equal(detectByline(box, at({ index: 19, count: 20 }))?.rule, 'author-box');
  assert.equal(detectByline(box, at({ index: 2, count: 20 })), undefined);
  assert.equal(authorBox('Omar Haddad covers energy policy for the paper.'), 'author-box');
});

test('detectByline drops a block equal to the extracted author line', () => {
  assert.equal(detectByline('Lena Park', at({ byline: 'Lena Park' }))?.rule, 'meta-byline');
  assert.equal(detectByline('Lena Park', at()), undefined);
});

test('authorBox matches a contact line for the author', () => {
  assert.equal(authorBox('Contact the author at newsdesk@example.org'), 'author-contact');
  assert.equal(authorBox('Reach Omar Haddad at omar@example.org.'), 'author-contact');
});

test('isReportingCredit matches contributor, syndication, source and posted-by lines', () => {
  assert.equal(isReportingCredit('Jane Roe contributed reporting from Lagos.'), true);
  assert.equal(isReportingCredit('Wire writers Ann Lee and Bo Chan contributed to this report.'), true);
  assert.equal(isReportingCredit('Via Example Syndicate'), true);
  assert.equal(isReportingCredit('SOURCE: News agencies'), true);
  assert.equal(isReportingCredit('Posted on March 30, 2015 by Admin'), true);
  assert.equal(isReportingCredit('Donors who contributed to the fund said it would grow next year.'), false);
  assert.equal(isReportingCredit('The minister said the talks had failed. Three aides contributed to this report, he added, without naming them.'), false);
});

test('authorBox matches reach-the-reporter lines and lone contact addresses', () => {
  assert.equal(authorBox('Have a tip? Jane Roe may be reached at jroe@example.org.'), 'author-contact');
  assert.equal(authorBox('jroe@example.org'), 'author-contact');
  assert.equal(authorBox('twitter.com/janeroe'), 'author-contact');
  assert.equal(isByLine('By'), true);
});
