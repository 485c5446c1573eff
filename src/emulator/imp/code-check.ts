// What impCentral checks when a deployment is created: both sources compile,
// and every `#require "Name.ext.nut:x.y.z"` names a library it can link. The
// emulator links libraries from the directory given with `--lib-dir`: a file
// `Name.ext.nut@x.y.z`, or `Name.ext.nut` whose `static VERSION` (if any) is
// x.y.z. Library code runs in the VM before the code that requires it.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../core/errors.js';
import type { Script } from './vm.js';

export type CompileFn = (source: string, srcName: string) => unknown;
export type CompileErrorOf = (e: unknown) => { message: string; line: number; column: number } | undefined;

export interface Requirement {
  line: number;
  column: number;
  spec: string;
  name: string;
  version: string | null;
}

const REQUIRE = /^([ \t]*)#require[ \t]+"([^"\n]*)"/gm;

export function requirements(source: string): Requirement[] {
  const out: Requirement[] = [];
  for (const m of source.matchAll(REQUIRE)) {
    const line = source.slice(0, m.index).split('\n').length;
    const spec = m[2]!;
    const i = spec.lastIndexOf(':');
    out.push({
      line,
      column: m[1]!.length + 1,
      spec,
      name: i < 0 ? spec : spec.slice(0, i),
      version: i < 0 ? null : spec.slice(i + 1),
    });
  }
  return out;
}

export interface MetaEntry {
  file: string;
  type: string;
  row: number;
  column: number;
  text: string;
}

/** The library source for a requirement, or why there is none. */
export function resolveLibrary(libDir: string | null, r: Requirement): { script: Script } | { error: string } {
  const hint = `impt-emulator links #require libraries from the directory given with --lib-dir (a file ${r.name}@${r.version ?? '<version>'} or ${r.name})`;
  if (!/^[A-Za-z0-9_.-]+\.nut$/.test(r.name)) return { error: `#require "${r.spec}": not a library name (expected "Name.class.nut:1.2.3" or "Name.lib.nut:1.2.3")` };
  if (r.version === null || !/^\d+\.\d+\.\d+$/.test(r.version)) {
    return { error: `#require "${r.spec}": a library must be required with its version, e.g. "${r.name}:1.0.0"` };
  }
  if (!libDir) return { error: `library "${r.spec}" is not available: the emulator was started without --lib-dir; ${hint}` };
  const exact = path.join(libDir, `${r.name}@${r.version}`);
  const plain = path.join(libDir, r.name);
  let source: string;
  let file: string;
  try {
    source = fs.readFileSync(exact, 'utf8');
    file = exact;
  } catch {
    try {
      source = fs.readFileSync(plain, 'utf8');
      file = plain;
    } catch {
      return { error: `library "${r.spec}" is not available in ${libDir}; ${hint}` };
    }
    const m = /static\s+VERSION\s*=\s*"([^"]*)"/.exec(source);
    if (m && m[1] !== r.version) return { error: `library "${r.spec}" is not available in ${libDir}: ${r.name} there is version ${m[1]}; ${hint}` };
  }
  void file;
  return { script: { source, srcName: r.name } };
}

/** The scripts a VM runs for one source: its libraries (each once, in order), then the code. */
export function scriptsFor(source: string, srcName: string, libDir: string | null, errors?: MetaEntry[]): Script[] {
  const out: Script[] = [];
  const seen = new Set<string>();
  for (const r of requirements(source)) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    const lib = resolveLibrary(libDir, r);
    if ('error' in lib) errors?.push({ file: srcName, type: 'error', row: r.line, column: r.column, text: lib.error });
    else out.push(lib.script);
  }
  out.push({ source, srcName });
  return out;
}

/** Throws impCentral's compile error (400, CX005, one meta entry per problem) when a source does not compile. */
export function checkDeploymentCode(
  compile: CompileFn,
  compileError: CompileErrorOf,
  code: { device_code: string; agent_code: string },
  libDir: string | null,
): void {
  const meta: MetaEntry[] = [];
  for (const [file, source] of [
    ['device_code', code.device_code],
    ['agent_code', code.agent_code],
  ] as const) {
    const scripts = scriptsFor(source, file, libDir, meta);
    for (const s of scripts) {
      try {
        compile(s.source, s.srcName);
      } catch (e) {
        const ce = compileError(e);
        if (!ce) throw e;
        meta.push({ file: s.srcName, type: 'error', row: ce.line, column: ce.column, text: ce.message });
      }
    }
  }
  if (meta.length === 0) return;
  const first = meta[0]!;
  const detail =
    meta.length === 1
      ? `${first.file} does not compile: line ${first.row}, column ${first.column}: ${first.text}`
      : `The code does not compile (${meta.length} errors; the first: ${first.file} line ${first.row}, column ${first.column}: ${first.text})`;
  throw ApiError.one(400, 'CX005', 'Compilation Error', detail, meta);
}
