#!/usr/bin/env node
// `npm run demo`: walks the impt Production Guide against a fresh embedded
// emulator, printing every command and its output. Exits non-zero when any
// step fails. A local HTTP listener receives the production webhooks.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const IMPT = join(root, 'bin/impt.js');
const EMULATOR = join(root, 'bin/impt-emulator.js');
const UNBOND_KEY = 'demo-unbond-key';

const work = mkdtempSync(join(tmpdir(), 'impt-demo-'));
const home = join(work, 'home');
const project = join(work, 'project');
for (const d of [home, project]) mkdirSync(d, { recursive: true });

let steps = 0;
let failures = 0;

function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EMULATOR, 'start', '--host', '127.0.0.1', '--port', '0', '--in-memory'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1], origin: new URL(m[1]).origin });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with code ${code}`)));
  });
}

function startListener() {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(body);
      console.log(`    [webhook listener] ${req.method} ${req.url} ${req.headers['content-type']}: ${body}`);
      res.writeHead(200).end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received, url: `http://127.0.0.1:${server.address().port}/hooks` })));
}

function impt(args, { expectFail = false, json = false } = {}) {
  steps++;
  console.log(`\n$ impt ${args.map((a) => (/[\s{}]/.test(a) ? `'${a}'` : a)).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [IMPT, ...args], { cwd: project, env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('close', (code) => {
      process.stdout.write(out.replace(/^/gm, '  ').replace(/ +$/, ''));
      const ok = expectFail ? code !== 0 : code === 0;
      if (!ok) {
        failures++;
        console.log(`  !! step failed (exit code ${code})`);
      }
      resolve({ code, out, data: json && code === 0 ? safeJson(out) : undefined });
    });
  });
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function admin(emu, method, path, body) {
  steps++;
  console.log(`\n# simulator: ${method} /_emulator/${path}${body ? ` ${JSON.stringify(body)}` : ''}`);
  const res = await fetch(`${emu.origin}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  console.log(`  ${res.status} ${text.slice(0, 300)}`);
  if (!res.ok) {
    failures++;
    console.log('  !! step failed');
  }
  return safeJson(text);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const emu = await startEmulator();
  const hooks = await startListener();
  console.log(`impCentral emulator: ${emu.url}\nwebhook listener:    ${hooks.url}`);
  writeFileSync(join(work, 'app-device.nut'), 'server.log("Lamp application v1 started");\n');
  writeFileSync(join(work, 'app-agent.nut'), 'server.log("Lamp agent v1 ready");\n');
  writeFileSync(join(work, 'factory-device.nut'), 'server.log("Factory fixture firmware running");\n');
  writeFileSync(join(work, 'factory-agent.nut'), 'server.log("Factory agent ready");\n');
  writeFileSync(join(work, 'app-device-v2.nut'), 'server.log("Lamp application v2 started");\n');
  try {
    await impt(['auth', 'login', '--endpoint', emu.url, '--user', 'demo', '--pwd', 'demo', '--confirmed']);
    await impt(['auth', 'info']);
    await impt(['product', 'create', '--name', 'SmartLamp', '--descr', 'Smart lamp']);
    await impt(['product', 'list']);
    // Development: application code and factory code
    await impt(['dg', 'create', '--name', 'LampDev', '--dg-type', 'development', '--product', 'SmartLamp']);
    await impt(['build', 'deploy', '--dg', 'LampDev', '--device-file', join(work, 'app-device.nut'), '--agent-file', join(work, 'app-agent.nut'), '--tag', 'app-v1', '--descr', 'Lamp v1']);
    await impt(['dg', 'create', '--name', 'LampPreProduction', '--dg-type', 'pre-production', '--product', 'SmartLamp']);
    await impt(['dg', 'create', '--name', 'LampPreDUT', '--dg-type', 'pre-dut', '--product', 'SmartLamp']);
    await impt(['dg', 'create', '--name', 'LampPreFactory', '--dg-type', 'pre-factory', '--product', 'SmartLamp', '--target', 'LampPreProduction', '--dut', 'LampPreDUT']);
    await impt(['build', 'deploy', '--dg', 'LampPreFactory', '--device-file', join(work, 'factory-device.nut'), '--agent-file', join(work, 'factory-agent.nut'), '--tag', 'factory-v1']);
    // Production: groups, then builds copied into them
    await impt(['dg', 'create', '--name', 'LampProduction', '--dg-type', 'production', '--product', 'SmartLamp']);
    await impt(['dg', 'update', '--dg', 'LampProduction', '--load-code-after-blessing', 'false']);
    await impt(['dg', 'create', '--name', 'LampDUT', '--dg-type', 'dut', '--product', 'SmartLamp']);
    await impt(['dg', 'create', '--name', 'LampFactory', '--dg-type', 'factory', '--product', 'SmartLamp', '--target', 'LampProduction', '--dut', 'LampDUT']);
    await impt(['build', 'copy', '--build', 'app-v1', '--dg', 'LampProduction']);
    await impt(['build', 'copy', '--build', 'app-v1', '--dg', 'LampDUT']);
    await impt(['build', 'copy', '--build', 'factory-v1', '--dg', 'LampFactory']);
    await impt(['dg', 'info', '--dg', 'LampFactory']);
    // Webhooks for blessing and BlinkUp
    await impt(['webhook', 'create', '--dg', 'LampFactory', '--url', hooks.url, '--event', 'blessing', '--mime', 'json']);
    await impt(['webhook', 'create', '--dg', 'LampProduction', '--url', hooks.url, '--event', 'blinkup', '--mime', 'urlencoded']);
    await impt(['webhook', 'list', '--product', 'SmartLamp']);
    // A fixture in the factory
    const unassigned = await impt(['device', 'list', '--unassigned', '-z', 'json'], { json: true });
    const fixture = unassigned.data?.[0]?.Device?.id;
    await impt(['device', 'update', '--device', fixture, '--name', 'fixture-1']);
    await impt(['device', 'assign', '--device', 'fixture-1', '--dg', 'LampFactory', '--confirmed']);
    await impt(['dg', 'restart', '--dg', 'LampFactory']);
    await sleep(300);
    await impt(['log', 'get', '--device', 'fixture-1']);
    // The fixture makes a DUT, which is blessed into production
    const dut = (await admin(emu, 'POST', `factory/${fixture}/dut`))?.data?.id;
    await impt(['device', 'list', '--dg', 'LampDUT']);
    await admin(emu, 'POST', `devices/${dut}/bless`, { success: true });
    await impt(['device', 'list', '--dg', 'LampProduction']);
    await admin(emu, 'POST', `devices/${dut}/blinkup`);
    await sleep(500);
    await admin(emu, 'GET', 'webhooks/deliveries');
    // A new version of the application goes to production
    await impt(['build', 'deploy', '--dg', 'LampDev', '--device-file', join(work, 'app-device-v2.nut'), '--agent-file', join(work, 'app-agent.nut'), '--tag', 'app-v2']);
    await impt(['build', 'copy', '--build', 'app-v2', '--dg', 'LampProduction']);
    await impt(['dg', 'restart', '--dg', 'LampProduction', '--conditional']);
    await impt(['build', 'list', '--product', 'SmartLamp']);
    // A second production group takes over the devices
    await impt(['dg', 'create', '--name', 'LampProduction2', '--dg-type', 'production', '--product', 'SmartLamp']);
    await impt(['build', 'copy', '--build', 'app-v2', '--dg', 'LampProduction2']);
    await impt(['dg', 'reassign', '--from', 'LampProduction', '--to', 'LampProduction2']);
    await impt(['dg', 'update', '--dg', 'LampFactory', '--target', 'LampProduction2']);
    await impt(['device', 'list', '--dg', 'LampProduction2']);
    // Unblessing needs the account's unbond key
    await impt(['dg', 'unassign', '--dg', 'LampProduction2'], { expectFail: true });
    await impt(['dg', 'unassign', '--dg', 'LampProduction2', '--unbond', UNBOND_KEY]);
    // Cleanup
    await impt(['product', 'info', '--product', 'SmartLamp', '--full']);
    await impt(['product', 'delete', '--product', 'SmartLamp', '--builds', '--force', '--confirmed']);
    await impt(['product', 'list']);
    await impt(['auth', 'logout']);
    console.log(`\nWebhook deliveries received by the listener: ${hooks.received.length}`);
  } finally {
    emu.child.kill();
    hooks.server.close();
    rmSync(work, { recursive: true, force: true });
  }
  const summary = failures === 0 ? `Demo finished: ${steps} steps, all succeeded.` : `Demo finished: ${steps} steps, ${failures} failed.`;
  console.log(`\n${summary}`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(`Demo failed: ${e.message}`);
  process.exitCode = 1;
});
