// Which test files run, and which cases and methods in them
// (interface/test-run.md "Test file discovery and selection").
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';

export interface Selection {
  /** regular expression searched in the found paths; undefined = every file */
  file?: RegExp;
  testCase: string;
  testMethod: string;
}

export interface TestFile {
  /** path as found, relative to the current directory, with `/` */
  path: string;
  type: 'agent' | 'device';
  partner?: string;
}

/** `[testFile][:testCase][::testMethod]`: split at the first `:`, then at the last `::`. */
export function parseSelection(pattern: string | undefined): Selection {
  const p = pattern ?? '';
  const colon = p.indexOf(':');
  const filePart = (colon < 0 ? p : p.slice(0, colon)).replace(/\\/g, '/');
  const rest = colon < 0 ? '' : p.slice(colon);
  let testCase = '';
  let testMethod = '';
  if (rest) {
    const last = rest.lastIndexOf('::');
    if (last >= 0) {
      testCase = rest.slice(0, last).replace(/^:/, '');
      testMethod = rest.slice(last + 2);
    } else {
      testCase = rest.replace(/^:/, '');
    }
  }
  return { file: filePart ? new RegExp(filePart) : undefined, testCase, testMethod };
}

const PARTNER = /\.(agent|device)\.test\.nut$/i;

export function describeFile(path: string, cwd: string): TestFile {
  const type = /\bagent\b/i.test(path) ? 'agent' : 'device';
  const file: TestFile = { path, type };
  if (PARTNER.test(path)) {
    const partner = path.replace(PARTNER, type === 'agent' ? '.device.nut' : '.agent.nut');
    if (existsSync(resolve(cwd, partner))) file.partner = partner;
  }
  return file;
}

/** Glob results in configuration order, each pattern's matches sorted like glob 7 does. */
export function findTestFiles(patterns: string[], cwd: string, sel: Selection, skipped: (file: string) => void): TestFile[] {
  const files: TestFile[] = [];
  for (const pattern of patterns) {
    const found = globSync(pattern, { cwd, onlyFiles: true, expandDirectories: false }).sort((a, b) => a.localeCompare(b, 'en'));
    for (const path of found) {
      if (sel.file && path.search(sel.file) < 0) {
        skipped(path);
        continue;
      }
      files.push(describeFile(path, cwd));
    }
  }
  return files;
}

/** The case/method filter checks of impt 2.6.1, on the preprocessed test-side code. */
export function selectionMatches(code: string, sel: Selection): boolean {
  if (sel.testCase && !new RegExp(`class[ s]*${sel.testCase}`).test(code)) return false;
  if (sel.testMethod && !new RegExp(`function[ ]*${sel.testMethod}`).test(code)) return false;
  return true;
}
