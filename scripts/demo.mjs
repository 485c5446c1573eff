#!/usr/bin/env node
// `npm run demo`: walks the impt Production Guide against a fresh embedded
// emulator, printing every command and its output, with a local listener
// that prints the production webhooks it receives. Exits non-zero when any
// step fails.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { productionGuide } from './production-guide.mjs';
import { callAdmin, runImpt, startEmulator, startListener } from './local-run.mjs';

const work = mkdtempSync(join(tmpdir(), 'impt-demo-'));
const home = join(work, 'home');
const project = join(work, 'project');
for (const d of [home, project]) mkdirSync(d, { recursive: true });

let steps = 0;
let failures = 0;
const quote = (a) => (/[\s{}]/.test(a) ? `'${a}'` : a);

async function impt(args, { expectFail = false, json = false } = {}) {
  steps++;
  console.log(`\n$ impt ${args.map(quote).join(' ')}`);
  const r = await runImpt(args, { cwd: project, home, json });
  process.stdout.write(r.out.replace(/^/gm, '  ').replace(/ +$/, ''));
  if (expectFail ? r.code === 0 : r.code !== 0) {
    failures++;
    console.log(`  !! step failed (exit code ${r.code})`);
  }
  return r;
}

async function main() {
  const emu = await startEmulator();
  const hooks = await startListener((r) => console.log(`  [webhook listener] ${r.method} ${r.url} ${r.contentType}: ${r.body}`));
  console.log(`impCentral emulator: ${emu.url}\nwebhook listener:    ${hooks.url}`);
  const admin = async (method, path, body) => {
    steps++;
    console.log(`\n# simulator: ${method} /_emulator/${path}${body ? ` ${JSON.stringify(body)}` : ''}`);
    const r = await callAdmin(emu.origin, method, path, body);
    console.log(`  ${r.status} ${r.text.slice(0, 400)}`);
    if (!r.ok) {
      failures++;
      console.log('  !! step failed');
    }
    return r.data;
  };
  try {
    await productionGuide({
      impt,
      admin,
      section: (title) => console.log(`\n=== ${title} ===`),
      dir: work,
      endpoint: emu.url,
      hooksUrl: hooks.url,
    });
    console.log(`\nWebhook deliveries received by the listener: ${hooks.received.length}`);
  } finally {
    emu.child.kill();
    hooks.server.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(failures === 0 ? `\nDemo finished: ${steps} steps, all succeeded.` : `\nDemo finished: ${steps} steps, ${failures} failed.`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(`Demo failed: ${e.message}`);
  process.exitCode = 1;
});
