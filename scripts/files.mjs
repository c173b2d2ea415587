import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (relative paths, sorted) that `keep` accepts. */
export function findFiles(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter(keep)
    .sort();
}
