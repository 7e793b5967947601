import type { Migration } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_labour_market_regions.js';
import * as m003 from './003_search_index.js';
import * as m004 from './004_workbook.js';
import * as m005 from './005_case_consultation.js';
import * as m006 from './006_regional_desk.js';
import * as m007 from './007_search_engines.js';

/** The one ordered migration history for SQLite and PostgreSQL. Add new files here in order. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_labour_market_regions': m002,
  '003_search_index': m003,
  '004_workbook': m004,
  '005_case_consultation': m005,
  '006_regional_desk': m006,
  '007_search_engines': m007,
};
