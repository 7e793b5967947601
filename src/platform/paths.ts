import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is), whether running from src/ via tsx or from dist/. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json niet gevonden');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot();

export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
