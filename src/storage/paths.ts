// Where the package's own files are, whether we run from source (tsx) or from the bundle in dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bank'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`mockops: cannot find the package folder above ${start}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const BANK_DIR = join(PACKAGE_ROOT, 'bank');
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src', 'storage', 'migrations');
export const WEB_DIST_DIR = join(PACKAGE_ROOT, 'web', 'dist');
