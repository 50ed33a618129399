import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditOnly, describesPhoto, detectCaption, opensWithTitle, trailingPhotoCredit } from '../../../src/clean/caption.js';
import { at } from '../../fixtures/clean/build.js';

test('describesPhoto matches photo descriptions at the start of a block', () => {
  assert.equal(describesPhoto('This combo photo shows the two leaders before their meeting.'), 'photo-description');
  assert.equal(describesPhoto('A handout picture released by the navy shows the damaged frigate.'), 'photo-description');
  assert.equal(describesPhoto('Photo taken on May 2 shows rescuers at the collapsed school.'), 'photo-description');
  assert.equal(describesPhoto('Aid workers unload sacks of flour in this undated handout photo.'), 'in-this-photo');
  assert.equal(describesPhoto('The envoy is seen in this file picture taken in Nairobi.'), 'seen-in-photo');
});

test('describesPhoto ignores a photo mentioned after the first sentence or outside a caption', () => {
  assert.equal(describesPhoto('Police said the suspect, who was seen in a photo published last week, had fled north.'), undefined);
  assert.equal(describesPhoto('Rebels seized the port. The commander is seen in this photo taken by a resident.'), undefined);
  assert.equal(describesPhoto('Photos of the damaged bridge circulated widely on Sunday, prompting an inquiry.'), undefined);
});

test('trailingPhotoCredit finds bracketed and labelled credits at the end of a block', () => {
  assert.equal(trailingPhotoCredit('Farmers block a highway outside the capital. (PHOTOS / NEWSDESK AND WIRE)'), 'credit-group');
  assert.equal(trailingPhotoCredit('Delegates arrive for the summit on Tuesday [Photo/Agencies]'), 'credit-group');
  assert.equal(trailingPhotoCredit('Voters queue in the rain outside a polling station. Photo: Jane Roe/Daily Post'), 'credit-label');
  assert.equal(trailingPhotoCredit('The minister left for Cairo on Sunday. (Reuters)'), undefined);
  assert.equal(trailingPhotoCredit('Exports rose by a tenth, the ministry said (see table).'), undefined);
});

test('creditOnly matches short credit lines and not short sentences', () => {
  assert.equal(creditOnly('Photo: Wire Service'), 'credit-only');
  assert.equal(creditOnly('Image credit: Lena Park'), 'credit-only');
  assert.equal(creditOnly('File photo'), 'file-photo');
  assert.equal(creditOnly('(Photo courtesy of the family)'), 'credit-only');
  assert.equal(creditOnly('Jane Roe/AFP via Getty Images'), 'agency-credit');
  assert.equal(creditOnly('The talks ended without a deal.'), undefined);
});

test('detectCaption drops figure captions and keeps a title-led summary', () => {
  assert.equal(detectCaption('Rescuers at work.', at({ kind: 'caption' }))?.rule, 'figure-caption');
  const title = 'Aid worker kidnapped in the capital';
  const block = 'Aid worker kidnapped in the capital. The aid worker is shown in this still taken from a video.';
  assert.equal(opensWithTitle(block, title), true);
  assert.equal(detectCaption(block, at({ title })), undefined);
  assert.equal(detectCaption(block, at())?.reason, undefined);
  assert.equal(detectCaption('The aid worker is shown in this still taken from a video.', at({ title }))?.reason, 'caption');
});

test('trailingPhotoCredit finds credits glued to the last full stop and slash-separated credit groups', () => {
  assert.equal(trailingPhotoCredit('Firefighters battle the blaze near the port.Jane Roe/Getty'), 'glued-credit');
  assert.equal(trailingPhotoCredit('Protesters gather in the main square.Reuters'), 'glued-credit');
  assert.equal(trailingPhotoCredit('A relief map of the lunar south pole. (Space Agency/Lunar Lab)'), 'credit-group');
  assert.equal(trailingPhotoCredit('The aid shipment came from the U.S.'), undefined);
  assert.equal(trailingPhotoCredit('Get the password manager for free (Upgrade to Premium for $4.99/mo)'), undefined);
});
