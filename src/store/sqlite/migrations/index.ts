/** The SQLite migrations, in order. Each module's name is its file name. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from '../../migration.js';
import * as m0001 from './0001-documents.js';
import * as m0002 from './0002-annotations.js';
import * as m0003 from './0003-search.js';
import * as m0004 from './0004-runs.js';
import * as m0005 from './0005-search-sync.js';
import * as m0006 from './0006-document-keys.js';
import * as m0007 from './0007-clusters.js';
import * as m0008 from './0008-event-query-indexes.js';
import * as m0009 from './0009-merged-event-indexes.js';

export type SqliteMigration = Migration<BetterSqlite3.Database>;

export const migrations: readonly SqliteMigration[] = [
  { name: '0001-documents', ...m0001 },
  { name: '0002-annotations', ...m0002 },
  { name: '0003-search', ...m0003 },
  { name: '0004-runs', ...m0004 },
  { name: '0005-search-sync', ...m0005 },
  { name: '0006-document-keys', ...m0006 },
  { name: '0007-clusters', ...m0007 },
  { name: '0008-event-query-indexes', ...m0008 },
  { name: '0009-merged-event-indexes', ...m0009 },
];
