// The .nut programs under a folder, in a stable order (corpus runner and fuzz).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function listNut(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listNut(p));
    else if (name.endsWith('.nut')) out.push(p);
  }
  return out;
}
