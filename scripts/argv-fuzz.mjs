// Seeded random command lines against a fresh emulator: every command of
// every group (from its --help), random options and awkward values, run in an
// empty directory, a Project directory and one with corrupted .impt.project /
// .impt.auth files. Reports every run that ends with a stack trace, an exit
// code other than 0/1, `undefined`/`[object Object]`/`NaN` in the output,
// anything on stderr, or a text-mode output without the final status line.
//
//   npm run build && node scripts/argv-fuzz.mjs [seed] [runs]
//
// Exits 1 when a run misbehaved (the command lines are printed to replay).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPT, startEmulator } from './local-run.mjs';

const seedArg = Number(process.argv[2] ?? 1);
const RUNS = Number(process.argv[3] ?? 500);
const PARALLEL = 2;

// the folders of the run, removed at its end
const made = [];
const tmp = (prefix) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
const home = tmp('impt-fuzz-home-');
const env = { ...process.env, HOME: home, NO_COLOR: '1' };
for (const k of Object.keys(env)) if (k.startsWith('IMPT_') || /proxy/i.test(k)) delete env[k];
const impt = (args, cwd = home) => execFileSync(process.execPath, [IMPT, ...args], { env, cwd, encoding: 'utf8' });

const emu = await startEmulator();
try {
  // a small world: a product, groups of several types, a build, devices
  impt(['auth', 'login', '--endpoint', emu.url, '--user', 'demo', '--pwd', 'demo']);
  impt(['product', 'create', '-n', 'P']);
  impt(['dg', 'create', '-n', 'G', '-p', 'P']);
  impt(['dg', 'create', '-n', 'PG', '-p', 'P', '-y', 'pre-production']);
  impt(['dg', 'create', '-n', 'DUT', '-p', 'P', '-y', 'pre-dut']);
  impt(['dg', 'create', '-n', 'FG', '-p', 'P', '-y', 'pre-factory', '--target', 'PG', '--dut', 'DUT']);
  impt(['build', 'deploy', '-g', 'G', '-t', 'T1', '-f']);
  const added = await (await fetch(`${emu.origin}/_emulator/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"count": 3}' })).json();
  const devices = added.data.map((d) => d.id);
  impt(['device', 'assign', '-d', devices[0], '-g', 'G']);

  const dirs = { empty: tmp('impt-fuzz-empty-'), project: tmp('impt-fuzz-project-'), corrupted: tmp('impt-fuzz-corrupted-') };
  impt(['project', 'link', '-g', 'G'], dirs.project);
  fs.writeFileSync(path.join(dirs.corrupted, '.impt.project'), '{"deviceGroupId": 5');
  fs.writeFileSync(path.join(dirs.corrupted, '.impt.auth'), '{"endpoint": ');

  // commands and their options, read from the help texts
  const commands = [];
  for (const group of impt(['--help']).matchAll(/^ {2}impt (\S+)/gm)) {
    for (const [, name] of impt([group[1], '--help']).matchAll(/^ {2}impt \S+ (\S+)/gm)) {
      // waiting for input or a stream is not what this checks
      if ((group[1] === 'auth' && name === 'login') || (group[1] === 'log' && name === 'stream')) continue;
      const help = impt([group[1], name, '--help']);
      const options = [...help.matchAll(/^ {2}(--[\w-]+)(?:, (-\w))?/gm)].map((m) => [m[1], m[2]]).filter(([o]) => o !== '--help' && o !== '--output');
      commands.push({ words: [group[1], name], options });
    }
  }

  const values = ['', 'x', 'P', 'G', 'PG', 'FG', 'me', '{me}{P}{G}', '{P}{G}', '-1', '0', '1.5', '3', 'true', 'false', 'T1', devices[0], devices[1],
    '0c2a69000000', 'ü€', 'a'.repeat(300), '{"a":1}', '{bad', 'https://example.com/hook', 'blessing', 'json', 'development', 'production',
    '/nonexistent/file.nut', '.'];
  let seed = seedArg;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const pick = (list) => list[rnd(list.length)];

  const problems = [];
  const runOne = async () => {
    const cmd = pick(commands);
    const args = [...cmd.words];
    for (let i = 1 + rnd(5); i > 0 && cmd.options.length; i--) {
      const [long, short] = pick(cmd.options);
      args.push(short && rnd(2) ? short : long);
      if (rnd(6)) args.push(pick(values));
    }
    if (rnd(5) === 0) args.push('-z', pick(['json', 'minimal', 'debug']));
    if (rnd(2)) args.push('-q');
    const dir = pick(Object.keys(dirs));
    const r = await new Promise((resolve) => {
      const child = spawn(process.execPath, [IMPT, ...args], { env, cwd: dirs[dir], stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('close', (code, signal) => (clearTimeout(killer), resolve({ code, signal, out, err })));
    });
    const mode = args[args.indexOf('-z') + 1];
    const debug = args.includes('-z') && mode === 'debug';
    const last = r.out.trimEnd().split('\n').pop();
    const wrong = [];
    if (r.code !== 0 && r.code !== 1) wrong.push(`exit ${r.code ?? r.signal}`);
    if (!debug && /\n\s+at .+:\d+:\d+\)?/.test(r.out + r.err)) wrong.push('stack trace');
    if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(r.out + r.err)) wrong.push('undefined/[object Object]/NaN');
    if (!debug && r.err.trim()) wrong.push(`stderr: ${r.err.slice(0, 200)}`);
    // log get without a terminal ends after its Enter prompt (interface/log.md)
    const paging = args[0] === 'log' && args[1] === 'get' && /Press <Enter>/.test(last);
    const textMode = !args.includes('-z') || mode === 'debug';
    if (textMode && !paging && last !== 'IMPT COMMAND SUCCEEDS' && last !== 'IMPT COMMAND FAILS') wrong.push(`last line: ${last}`);
    if (wrong.length) problems.push({ dir, args, wrong });
  };
  let started = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (started++ < RUNS) await runOne();
  }));

  for (const p of problems) console.log(`${p.wrong.join('; ')}\n  (${p.dir} dir) impt ${p.args.map((a) => JSON.stringify(a)).join(' ')}`);
  console.log(`${RUNS} command lines (seed ${seedArg}): ${problems.length} misbehaved.`);
  process.exitCode = problems.length ? 1 : 0;
} finally {
  emu.child.kill();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
}
