// In json mode every command prints exactly one JSON document on stdout,
// whether it succeeds or fails, however many errors it collects (several
// impCentral errors become one `{"Error": …}` with one line each): a table
// of command lines covering every command, each output parsed whole.
// Parse errors print the error alone, without the help text that the other
// modes print first. Excluded by nature: `log stream` success (a stream of
// documents until Ctrl-C).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { assign, createWebhook, useWorld } from './dg-world.js';

const w = useWorld();

/** One command line: `ok` whether it succeeds; `cwd` the directory it runs in. */
interface Row {
  args: string[];
  ok: boolean;
  cwd?: string;
  /** runs with this HOME instead of the world's (auth commands) */
  home?: string;
}

function codeDir(): string {
  const dir = tempDir('impt-json-');
  fs.writeFileSync(path.join(dir, 'device.nut'), 'server.log("device");');
  fs.writeFileSync(path.join(dir, 'agent.nut'), 'server.log("agent");');
  return dir;
}

describe('json mode prints one document', () => {
  it('for every command, on success and on failure', async () => {
    const product = w.name('JsonP');
    const dgName = w.name('JsonG');
    const code = codeDir();
    const p = await w.demo.createProduct(product, '');
    const g = await w.demo.createDg(p.id, 'development_devicegroup', dgName);
    const other = await w.demo.createDg(p.id, 'development_devicegroup', w.name('JsonOther'));
    const preProd = await w.demo.createDg(p.id, 'pre_production_devicegroup', w.name('JsonPre'));
    const build = await w.demo.deploy(g, { device_code: 'server.log(1);', tags: ['json-tag'] });
    const devs = w.devices(4);
    await assign(w.demo, g.id, devs.slice(0, 3));
    const project = w.projectDir(g.id);
    fs.copyFileSync(path.join(code, 'device.nut'), path.join(project, 'device.nut'));
    fs.copyFileSync(path.join(code, 'agent.nut'), path.join(project, 'agent.nut'));
    const fresh = codeDir();
    const authHome = tempDir('impt-json-home-');
    const wh = await createWebhook(w.demo, g, { url: 'http://127.0.0.1:9/hook' });

    const rows: Row[] = [
      { args: ['account', 'list'], ok: true },
      { args: ['account', 'info'], ok: true },
      { args: ['account', 'info', '--user', 'nobody-at-all'], ok: false },
      { args: ['auth', 'info'], ok: true },
      { args: ['auth', 'info'], ok: false, home: authHome },
      { args: ['auth', 'login', '--endpoint', w.emu.url, '--user', 'demo', '--pwd', 'demo'], ok: true, home: authHome },
      { args: ['auth', 'login', '--endpoint', w.emu.url, '--user', 'demo', '--pwd', 'wrong', '--confirmed'], ok: false, home: authHome },
      { args: ['auth', 'login', '--endpoint', w.emu.url, '--user', 'demo', '--pwd', 'demo'], ok: false, home: authHome },
      { args: ['auth', 'logout'], ok: true, home: authHome },
      { args: ['auth', 'logout'], ok: false, home: authHome },
      { args: ['product', 'list'], ok: true },
      { args: ['product', 'list', '--owner', 'nobody-at-all'], ok: true },
      { args: ['product', 'info', '--product', product, '--full'], ok: true },
      { args: ['product', 'info', '--product', '{me}{}'], ok: false },
      { args: ['product', 'create', '--name', product], ok: false },
      { args: ['product', 'update', '--product', product, '--descr', 'd'], ok: true },
      { args: ['product', 'update', '--product', 'nope-product'], ok: false },
      { args: ['product', 'delete', '--product', product, '--confirmed'], ok: false },
      { args: ['product', 'delete', '--product', product], ok: false },
      { args: ['dg', 'list', '--product', product], ok: true },
      { args: ['dg', 'info', '--dg', dgName, '--full'], ok: true },
      { args: ['dg', 'info', '--dg', `{me}{${product}}{}`], ok: false },
      { args: ['dg', 'create', '--name', dgName, '--product', product], ok: false },
      { args: ['dg', 'update', '--dg', dgName, '--descr', 'x'], ok: true },
      { args: ['dg', 'update', '--dg', 'nope-group'], ok: false },
      { args: ['dg', 'builds', '--dg', dgName], ok: true },
      { args: ['dg', 'builds', '--dg', 'nope-group'], ok: false },
      { args: ['dg', 'restart', '--dg', dgName], ok: true },
      { args: ['dg', 'restart', '--dg', 'nope-group'], ok: false },
      // every device is refused by the pre-production group: several errors, one document
      { args: ['dg', 'reassign', '--from', dgName, '--to', preProd.id], ok: false },
      { args: ['dg', 'reassign', '--from', dgName, '--to', other.id], ok: true },
      { args: ['dg', 'unassign', '--dg', other.id], ok: true },
      { args: ['dg', 'unassign', '--dg', 'nope-group'], ok: false },
      { args: ['dg', 'delete', '--dg', other.id], ok: false },
      { args: ['device', 'list', '--unassigned'], ok: true },
      { args: ['device', 'info', '--device', devs[0]!], ok: true },
      { args: ['device', 'info', '--device', 'nope-device'], ok: false },
      { args: ['device', 'assign', '--device', devs[0]!, '--dg', dgName], ok: true },
      { args: ['device', 'assign', '--device', devs[3]!, '--dg', preProd.id, '--confirmed'], ok: false },
      { args: ['device', 'update', '--device', devs[0]!, '--name', 'json-dev'], ok: true },
      { args: ['device', 'update', '--device', 'nope-device', '--name', 'x'], ok: false },
      { args: ['device', 'restart', '--device', devs[0]!], ok: true },
      { args: ['device', 'restart', '--device', 'nope-device'], ok: false },
      { args: ['device', 'unassign', '--device', devs[0]!], ok: true },
      { args: ['device', 'unassign', '--device', 'nope-device'], ok: false },
      { args: ['device', 'remove', '--device', devs[3]!], ok: false },
      { args: ['device', 'remove', '--device', 'nope-device', '--confirmed'], ok: false },
      { args: ['build', 'list', '--product', product], ok: true },
      { args: ['build', 'info', '--build', build.id], ok: true },
      { args: ['build', 'info', '--build', 'nope-build'], ok: false },
      { args: ['build', 'deploy', '--dg', dgName, '--device-file', 'device.nut', '--agent-file', 'agent.nut'], ok: true, cwd: code },
      { args: ['build', 'deploy', '--dg', dgName, '--device-file', 'missing.nut'], ok: false, cwd: code },
      { args: ['build', 'run', '--dg', dgName, '--device-file', 'device.nut'], ok: true, cwd: code },
      { args: ['build', 'run', '--dg', 'nope-group'], ok: false, cwd: code },
      { args: ['build', 'copy', '--build', build.id, '--dg', other.id], ok: true },
      { args: ['build', 'copy', '--build', 'nope-build', '--dg', other.id], ok: false },
      { args: ['build', 'get', '--build', build.id, '--device-only', '--device-file', 'dev.nut', '--confirmed'], ok: true, cwd: fresh },
      { args: ['build', 'get', '--build', build.id, '--device-only', '--device-file', 'dev.nut'], ok: false, cwd: fresh },
      { args: ['build', 'update', '--build', 'json-tag', '--descr', 'x'], ok: true },
      { args: ['build', 'update', '--build', 'nope-build'], ok: false },
      { args: ['build', 'delete', '--build', build.id, '--confirmed'], ok: true },
      { args: ['build', 'delete', '--build', 'nope-build', '--confirmed'], ok: false },
      { args: ['build', 'cleanup', '--product', product, '--confirmed'], ok: true },
      { args: ['build', 'cleanup', '--product', product], ok: true },
      { args: ['log', 'get', '--device', devs[1]!, '--page-number', '1'], ok: true },
      { args: ['log', 'get', '--device', 'nope-device'], ok: false },
      { args: ['log', 'stream', '--dg', ''], ok: false },
      { args: ['log', 'stream', '--device', 'nope-device'], ok: false },
      { args: ['loginkey', 'list'], ok: true },
      { args: ['loginkey', 'create', '--pwd', 'demo', '--descr', 'json'], ok: true },
      { args: ['loginkey', 'create', '--pwd', 'wrong'], ok: false },
      { args: ['loginkey', 'info', '--lk', 'nope-key'], ok: false },
      { args: ['loginkey', 'update', '--lk', 'nope-key', '--pwd', 'demo', '--descr', 'x'], ok: false },
      { args: ['loginkey', 'delete', '--lk', 'nope-key', '--pwd', 'demo', '--confirmed'], ok: false },
      { args: ['webhook', 'list', '--dg', dgName], ok: true },
      { args: ['webhook', 'info', '--wh', wh.id], ok: true },
      { args: ['webhook', 'info', '--wh', 'nope-hook'], ok: false },
      { args: ['webhook', 'create', '--dg', dgName, '--url', 'http://127.0.0.1:9/h2', '--event', 'deployment', '--mime', 'json'], ok: true },
      { args: ['webhook', 'create', '--dg', 'nope-group', '--url', 'http://127.0.0.1:9/h2', '--event', 'deployment', '--mime', 'json'], ok: false },
      { args: ['webhook', 'update', '--wh', wh.id, '--mime', 'urlencoded'], ok: true },
      { args: ['webhook', 'update', '--wh', 'nope-hook', '--mime', 'json'], ok: false },
      { args: ['webhook', 'delete', '--wh', wh.id], ok: false },
      { args: ['webhook', 'delete', '--wh', wh.id, '--confirmed'], ok: true },
      { args: ['project', 'info'], ok: true, cwd: project },
      { args: ['project', 'info'], ok: false, cwd: fresh },
      { args: ['project', 'update', '--descr', 'p'], ok: true, cwd: project },
      { args: ['project', 'update', '--descr', 'p'], ok: false, cwd: fresh },
      { args: ['project', 'link', '--dg', dgName], ok: false, cwd: project },
      { args: ['project', 'link', '--dg', 'nope-group'], ok: false, cwd: fresh },
      { args: ['project', 'create', '--product', product, '--name', dgName], ok: false, cwd: fresh },
      { args: ['project', 'delete'], ok: false, cwd: project },
      { args: ['project', 'delete', '--files', '--confirmed'], ok: true, cwd: fresh },
      { args: ['test', 'create', '--dg', dgName], ok: true, cwd: fresh },
      { args: ['test', 'create', '--dg', dgName], ok: false, cwd: fresh },
      { args: ['test', 'info'], ok: true, cwd: fresh },
      { args: ['test', 'info'], ok: false, cwd: code },
      { args: ['test', 'update', '--timeout', '100'], ok: true, cwd: fresh },
      { args: ['test', 'update', '--timeout', '100'], ok: false, cwd: code },
      { args: ['test', 'github', '--github-config', 'gh.json', '--user', 'octo', '--pwd', 'tok'], ok: true, cwd: fresh },
      { args: ['test', 'github', '--github-config', 'gh.json', '--user', 'octo', '--pwd', 'tok'], ok: false, cwd: fresh },
      { args: ['test', 'run'], ok: false, cwd: code },
      { args: ['test', 'delete'], ok: false, cwd: fresh },
      { args: ['test', 'delete', '--confirmed'], ok: true, cwd: fresh },
      // parse errors: missing, unknown and bad options
      { args: ['product', 'create'], ok: false },
      { args: ['product', 'create', '-n', 'X', '--bogus'], ok: false },
      { args: ['dg', 'create', '-n', 'X', '-y', 'badtype'], ok: false },
      { args: ['build', 'list', '--zombie', 'false'], ok: false },
    ];

    const failures: string[] = [];
    for (const row of rows) {
      const label = `impt ${row.args.join(' ')} -z json`;
      const r = await runImpt([...row.args, '-z', 'json'], { home: row.home ?? w.home, cwd: row.cwd ?? tempDir('impt-cwd-') });
      let doc: unknown;
      try {
        doc = JSON.parse(r.stdout);
      } catch {
        failures.push(`${label}: not one JSON document:\n${r.stdout}`);
        continue;
      }
      if (r.code !== (row.ok ? 0 : 1)) failures.push(`${label}: exit ${r.code}\n${r.stdout}`);
      if (!row.ok && typeof (doc as { Error?: unknown }).Error !== 'string') failures.push(`${label}: no Error string\n${r.stdout}`);
    }
    expect(failures).toEqual([]);

    // several impCentral errors, one per device, make one document with one line each
    await assign(w.demo, g.id, devs.slice(1, 3));
    const many = await runImpt(['dg', 'reassign', '--from', dgName, '--to', preProd.id, '-z', 'json'], { home: w.home, cwd: fresh });
    const lines = (JSON.parse(many.stdout) as { Error: string }).Error.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^Invalid Permission: Device \S+ cannot be assigned manually/);
  }, 600_000);
});

describe('a parse error in json mode', () => {
  const cases: Array<[string[], string]> = [
    [['product', 'create', '-z', 'json'], 'Missing required argument: name'],
    [['product', 'create', '-n', 'X', '--bogus', '-z', 'json'], 'Unknown argument: bogus'],
    [
      ['dg', 'create', '-n', 'X', '-y', 'badtype', '-z', 'json'],
      'Invalid values:\n  Argument: dg-type, Given: "badtype", Choices: "development", "pre-factory", "pre-dut", "pre-production", "factory", "dut", "production"',
    ],
    [['product', 'create', '--output=json', '-n', 'X', '-n', 'Y'], 'Option "--name" must not be specified multiple times.'],
    [['-z', 'json', 'project', 'link', '-g', 'A', '-g', 'B'], 'Option "--dg" must not be specified multiple times.'],
    [['test', 'github', '-i', 'new.json', '-w', 'x', '-z', 'json'], 'Options "--pwd" and "--user" must be specified together.'],
    // found before the command is known: no or unknown group or command, --version below the top level
    [['-z', 'json'], 'Please specify a valid command.'],
    [['product', '--output=json'], 'Please specify a valid command.'],
    [['prodcut', 'list', '-z', 'json'], 'Unknown arguments: prodcut, list'],
    [['product', 'lst', '-z', 'json'], 'Unknown argument: lst'],
    [['product', 'list', '-v', '-z', 'json'], 'Unknown argument: v'],
  ];
  it('prints the error alone, as one document, and fails', async () => {
    for (const [args, message] of cases) {
      const r = await runImpt(args, { home: w.home, cwd: tempDir('impt-cwd-') });
      expect(r.stdout, args.join(' ')).toBe(`${JSON.stringify({ Error: message }, null, 2)}\n`);
      expect(r.code, args.join(' ')).toBe(1);
    }
  });

  it('other modes print the help, the error and the status line as impt 2.6.1 does', async () => {
    for (const mode of ['minimal', 'debug']) {
      const r = await runImpt(['product', 'create', '-z', mode], { home: w.home, cwd: tempDir('impt-cwd-') });
      expect(r.stdout).toMatch(/^\nUsage: impt product create --name <product_name> /);
      expect(r.stdout.endsWith('\nError: Missing required argument: name\nIMPT COMMAND FAILS\n')).toBe(true);
      expect(r.code).toBe(1);
    }
    // an --output value that is no mode leaves the error in text, after the help
    const bad = await runImpt(['product', 'create', '-n', 'X', '-z', 'jsn'], { home: w.home, cwd: tempDir('impt-cwd-') });
    expect(bad.stdout).toMatch(/^\nUsage: impt product create /);
    expect(bad.stdout).toContain('\nError: Invalid values:\n  Argument: output, Given: "jsn", Choices: "minimal", "json", "debug"\nIMPT COMMAND FAILS\n');
  });
});
