/**
 * Copyright footers: "© 2024 Some Outlet", "Copyright 2023 …", "All rights reserved", "This
 * material may not be published, broadcast, rewritten or redistributed". Only short blocks.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';

const FOOTER =
  /©|ⓒ|\(c\)\s*(?:19|20)\d{2}|\bcopyright\s*(?:©|ⓒ|\(c\)|@|c\b)|\bcopyright\s*(?:19|20)\d{2}|\ball rights reserved\b|\bmay not be (?:re)?published,? (?:broadcast|rewritten)|\bwithout (?:the )?(?:prior )?(?:express )?(?:written )?permission\b[^.]{0,60}\b(?:reproduc|republish|redistribut|copy|copied)|\b(?:reproduc|republish|redistribut)\w*[^.]{0,60}\bwithout (?:the )?(?:prior )?(?:express )?(?:written )?permission\b/i;

/** True when the block is a copyright footer. */
export function isCopyrightFooter(text: string): boolean {
  const t = tidy(text);
  const words = wordCount(t);
  return words > 0 && words <= 60 && FOOTER.test(t);
}

/** The copyright rule. */
export function detectCopyright(text: string, _at: BlockContext): RuleHit | undefined {
  return isCopyrightFooter(text) ? { reason: 'copyright', rule: 'copyright-footer', why: 'copyright footer' } : undefined;
}
