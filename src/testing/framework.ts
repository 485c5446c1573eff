// Where the bundled impUnit-compatible framework (framework/impunit.nut) is:
// scripts/build.mjs copies it to dist/testing/; from the sources it sits
// beside this file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'impunit.nut';

export function frameworkPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'testing', NAME), join(here, '..', 'testing', NAME), join(here, 'framework', NAME)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`impt's test framework ${NAME} is missing from the installation`);
  return found;
}
