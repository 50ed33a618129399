/**
 * Writes docs/errors.md from the error catalogue (src/errors.ts).
 *   node --import tsx scripts/errors-doc.ts
 * test/unit/errors.test.ts fails when the page and the catalogue disagree.
 */
import { writeFileSync } from 'node:fs';
import { ERRORS } from '../src/errors.js';

export function errorsDoc(): string {
  const rows = Object.entries(ERRORS)
    .map(([code, spec]) => `| \`${code}\` | ${spec.status} | ${spec.exit} | ${spec.message.replace(/\|/g, '\\|')} |`)
    .join('\n');
  return `# Errors

Every error parley reports carries a stable code \`PARLEY_<AREA>_<WHAT>\` (shown in brackets at the
start of the message), an HTTP status (API) and an exit code (CLI). Codes are never renumbered or
reused. \`{name}\` marks a value filled in from the failing input. This page is generated from
\`src/errors.ts\` by \`node --import tsx scripts/errors-doc.ts\`.

| code | HTTP | exit | message |
| --- | --- | --- | --- |
${rows}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync('docs/errors.md', errorsDoc());
