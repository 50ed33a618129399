import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callToAction, detectWidget, isAdMarker, isShareRow, isSocialList } from '../../../src/clean/widget.js';
import { at } from '../../fixtures/clean/build.js';

test('isAdMarker matches advertisement markers only', () => {
  assert.equal(isAdMarker('Advertisement'), true);
  assert.equal(isAdMarker('ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT'), true);
  assert.equal(isAdMarker('Story continues below advertisement'), true);
  assert.equal(isAdMarker('Advertisement revenue at the state broadcaster fell by a third last year, auditors found.'), false);
});

test('isShareRow matches rows of share buttons and not sentences naming networks', () => {
  assert.equal(isShareRow('Share this article'), true);
  assert.equal(isShareRow('Facebook Twitter WhatsApp Email Print'), true);
  assert.equal(isShareRow('12 Comments'), true);
  assert.equal(isShareRow('The ministry said it would raise the complaints with Facebook and Twitter directly.'), false);
});

test('callToAction matches subscribe, follow and app calls', () => {
  assert.equal(callToAction('Sign up for our morning newsletter and get the day’s top stories.'), 'subscribe');
  assert.equal(callToAction('Get the latest headlines delivered straight to your inbox'), 'subscribe');
  assert.equal(callToAction('Follow us on Twitter and Facebook'), 'follow-us');
  assert.equal(callToAction('Download our free app for breaking news on the go.'), 'download-app');
  assert.equal(callToAction('Subscribers to the agency newsletter were told of the decision on Tuesday evening.'), undefined);
  assert.equal(callToAction('Sign up for a cheaper mobile plan before the offer ends.'), undefined);
  assert.equal(callToAction('Follow-up talks between the two defence ministers are planned for June.'), undefined);
});

test('isSocialList matches lists of handles', () => {
  assert.equal(isSocialList('@harbourwire | Facebook | Instagram'), true);
  assert.equal(isSocialList('The senator (@senjdoe) posted the letter on Monday.'), false);
});

test('detectWidget names the rule that fired', () => {
  assert.equal(detectWidget('Advertisement', at())?.rule, 'advertisement');
  assert.equal(detectWidget('Leave a comment', at())?.rule, 'comments');
  assert.equal(detectWidget('5 min read', at())?.rule, 'reading-time');
  assert.equal(detectWidget('The ceasefire collapsed within hours.', at()), undefined);
});

test('detectWidget drops interface labels, affiliate notes and share calls', () => {
  assert.equal(detectWidget('Enlarge image', at())?.rule, 'ui-label');
  assert.equal(detectWidget('Image 2 of 5', at())?.rule, 'ui-label');
  assert.equal(detectWidget('Loading content ...', at())?.rule, 'ui-label');
  assert.equal(detectWidget('This post may contain affiliate links; we may earn a commission if you buy.', at())?.rule, 'affiliate-disclosure');
  assert.equal(detectWidget('Like this story? Share it with a friend!', at())?.rule, 'share');
  assert.equal(detectWidget('Anzeige', at())?.rule, 'advertisement');
  assert.equal(detectWidget('Subscribe to our video channel for more world news:', at())?.rule, 'subscribe');
  assert.equal(detectWidget('The broker said it would earn a commission of two percent on the sale.', at()), undefined);
  assert.equal(detectWidget('Close ties between the two armies worry the neighbours.', at()), undefined);
});
