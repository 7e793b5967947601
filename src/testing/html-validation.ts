import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { fromRoot } from '../platform/paths.js';

// The project's own rules, the same the browser tests apply to every page they visit.
const htmlValidate = new HtmlValidate(JSON.parse(readFileSync(fromRoot('.htmlvalidate.json'), 'utf8')) as ConfigData);

/** Fails with the first problems html-validate finds in a page. */
export async function assertValidHtml(html: string): Promise<void> {
  const report = await htmlValidate.validateString(html);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (regel ${m.line}): ${m.message}`));
  assert.deepEqual(problems.slice(0, 10), [], 'html-validate');
}
