// Where the bundled impUnit-compatible framework (framework/impunit.nut) is:
// scripts/build.mjs copies it to dist/testing/; from the sources it sits
// beside this file.
import { distFile } from './dist-file.js';

const NAME = 'impunit.nut';

export function frameworkPath(): string {
  const found = distFile(`testing/${NAME}`, [`framework/${NAME}`]);
  if (!found) throw new Error(`impt's test framework ${NAME} is missing from the installation`);
  return found;
}
