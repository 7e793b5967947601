// Checks the files of the content pack against their schemas: `npm run content:check [file …]`.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { contentFiles, type ContentFileName } from '../src/features/book/book.content-schema.js';
import { fromRoot } from '../src/platform/paths.js';

const asked = process.argv.slice(2).map((f) => f.replace(/^content\//, ''));
const names = (asked.length > 0 ? asked : Object.keys(contentFiles)) as ContentFileName[];
let failed = false;
for (const name of names) {
  const schema = contentFiles[name];
  const file = fromRoot('content', name);
  if (!schema) {
    console.error(`${name}: geen bekend bestand van het inhoudspakket`);
    failed = true;
    continue;
  }
  if (!existsSync(file)) {
    console.log(`${name}: ontbreekt`);
    failed = true;
    continue;
  }
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (result.success) console.log(`${name}: in orde`);
  else {
    failed = true;
    console.error(`${name}:\n${z.prettifyError(result.error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
