import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { fromRoot } from './platform/paths.js';

// The layout rules of ARCHITECTURE.md, read from the imports themselves so that a change that breaks
// them fails here, at once, instead of in a review weeks later.

const SRC = fromRoot('src');

interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  readonly text: string;
  /** Project-relative paths of the project files this file imports (type-only imports included). */
  readonly imports: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), specifier);
  const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), `${target}.ts`, `${target}.tsx`];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate)) ?? null;
}

const relative = (full: string) => path.relative(fromRoot(), full).split(path.sep).join('/');

const files: readonly SourceFile[] = sourceFiles(SRC).map((full) => {
  const text = readFileSync(full, 'utf8');
  const imports = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((imported) => resolveImport(full, imported.fileName))
    .filter((resolved): resolved is string => resolved !== null)
    .map(relative);
  return { file: relative(full), text, imports };
});

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Where a file lives: platform, a feature and (for a feature with parts) the part; or the composing top. */
function placeOf(file: string): { layer: 'platform' | 'feature' | 'top'; feature?: string; part?: string } {
  const parts = file.split('/');
  if (parts[1] === 'platform') return { layer: 'platform' };
  if (parts[1] === 'features' && parts[2]) {
    const part = parts.length > 4 ? parts[3] : undefined;
    return { layer: 'feature', feature: parts[2], part };
  }
  return { layer: 'top' };
}

/** The layer files another feature or part must not reach into; its service is the way in. */
const PRIVATE_LAYER = /\.(repo|tables)\.tsx?$|\.views\.tsx$/;

test('the platform imports no feature and nothing above it', () => {
  const upward = files.flatMap(({ file, imports }) => {
    if (placeOf(file).layer !== 'platform') return [];
    return imports
      .filter((target) => {
        const place = placeOf(target);
        if (place.layer === 'feature') return true;
        // A platform test may build the whole app with the shared test support, as any test does.
        return place.layer === 'top' && !isTest(file);
      })
      .map((target) => `${file} → ${target}`);
  });
  assert.deepEqual(upward, []);
});

test("a feature reaches another feature only through its service, never its repo, tables or views", () => {
  const reaching = files.flatMap(({ file, imports }) => {
    const from = placeOf(file);
    if (from.layer !== 'feature') return [];
    return imports
      .filter((target) => {
        const to = placeOf(target);
        return to.layer === 'feature' && to.feature !== from.feature && PRIVATE_LAYER.test(target);
      })
      .map((target) => `${file} → ${target}`);
  });
  assert.deepEqual(reaching, []);
});

test("a part reaches a sibling part only through its service; shared/ is for all the feature's parts", () => {
  const reaching = files.flatMap(({ file, imports }) => {
    const from = placeOf(file);
    if (from.layer !== 'feature' || isTest(file)) return [];
    return imports
      .filter((target) => {
        const to = placeOf(target);
        if (to.layer !== 'feature' || to.feature !== from.feature) return false;
        if (to.part === undefined || to.part === 'shared' || to.part === from.part) return false;
        return PRIVATE_LAYER.test(target);
      })
      .map((target) => `${file} → ${target}`);
  });
  assert.deepEqual(reaching, []);
});

// Query-builder entry points and raw SQL: where these appear, a file talks to the database.
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(<[^>]*>)?`/;

test('only repo files (and the database machinery in platform/db) issue queries', () => {
  const querying = files
    .filter(({ file }) => !isTest(file) && !file.endsWith('.repo.ts') && !file.startsWith('src/platform/db/') && !file.startsWith('src/testing/'))
    .filter(({ text }) => QUERY.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
    .map(({ file }) => file);
  assert.deepEqual(querying, []);
});

test('no files import each other in a circle', () => {
  const graph = new Map(files.map(({ file, imports }) => [file, imports]));
  const state = new Map<string, 'open' | 'done'>();
  const circles: string[] = [];
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  assert.deepEqual(circles, []);
});

test('features and parts do not depend on each other in a circle', () => {
  // A unit is a feature, or a part of a feature with parts; the feature's own top files and shared/
  // count as the feature, which all its parts may use.
  const unitOf = (file: string) => {
    const place = placeOf(file);
    if (place.layer !== 'feature') return null;
    return place.part && place.part !== 'shared' ? `${place.feature}/${place.part}` : place.feature!;
  };
  const edges = new Map<string, Set<string>>();
  for (const { file, imports } of files) {
    const from = unitOf(file);
    if (!from || isTest(file)) continue;
    for (const target of imports) {
      const to = unitOf(target);
      if (!to || to === from) continue;
      // A feature's own plugin registers its parts and may compose their services on its pages: the one
      // allowed way down from a feature to its parts.
      if (file.endsWith(`/${from}.routes.ts`) && to.startsWith(`${from}/`)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (unit: string) => {
    state.set(unit, 'open');
    stack.push(unit);
    for (const next of edges.get(unit) ?? []) {
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(unit, 'done');
  };
  for (const unit of edges.keys()) if (!state.has(unit)) visit(unit);
  assert.deepEqual(circles, []);
});
