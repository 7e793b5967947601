import { z } from 'zod';

/** A filter value from the query string: anything unexpected counts as "no filter". */
const filterValue = z.string().max(100).catch('').default('');
const single = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), filterValue);

export const storyFiltersSchema = z.object({ regio: single, soort: single });
export const dreamFiltersSchema = z.object({ regio: single, domein: single });
export const recommendationFiltersSchema = z.object({ voor: single });
