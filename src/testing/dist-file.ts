// Files that scripts/build.mjs puts into dist/ beside the bundles (the test
// framework, the build of Builder). The code that looks for them runs from a
// bundle in dist/ or, in tests, from its source file in src/testing/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first of `dist/<path>` seen from a bundle or from src/testing/, and `fallbacks` (paths from src/testing/) that exists. */
export function distFile(path: string, fallbacks: string[] = []): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, path), join(here, '..', path), ...fallbacks.map((p) => join(here, p))].find((p) => existsSync(p));
}
