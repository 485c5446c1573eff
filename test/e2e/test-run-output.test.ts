// impt test run on the emulator: Builder (@include, @set, variables from the
// builder configuration, the cache, syntax errors) and the output modes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain, project, testLines, useTestEmulator } from './test-run-support.js';

const dev = (n: number) => `30000c2a6933${String(n).padStart(4, '0')}`;
const env = useTestEmulator('30000c2a6933', 4);

const FILES = {
  'tests/a.test.nut': 'class ACase extends ImpTestCase {\n  function testOk() { this.assertTrue(true); }\n  function testBad() { this.assertEqual("x", "y"); }\n}\n',
};

describe('Builder', () => {
  it('@include of a local file, @set, builder variables, --clear-cache', async () => {
    const p = await project(
      env,
      [dev(1)],
      {
        'lib/helper.nut': 'function helper() { return "helped"; }\n',
        'builder.json': { GREETING: 'hello' },
        'tests/inc.test.nut': [
          '@include "lib/helper.nut"',
          '@set LIMIT 3',
          'class IncCase extends ImpTestCase {',
          '  function testHelper() { this.assertEqual("helped", helper()); }',
          '  function testSet() { this.assertEqual(3, @{LIMIT}); }',
          '  function testVariable() { return "@{GREETING}"; }',
          '}',
          '',
        ].join('\n'),
      },
      { builderConfig: 'builder.json', builderCache: true, githubConfig: 'gh.json' },
    );
    fs.mkdirSync(path.join(p.dir, '.builder-cache'));
    const r = await p.run(['--clear-cache']);
    expect(r.code, r.stdout).toBe(0);
    expect(fs.existsSync(path.join(p.dir, '.builder-cache'))).toBe(false);
    expect(r.stdout.startsWith('Builder cache .builder-cache directory is deleted successfully.\nGitHub credentials Configuration File gh.json is not found.\n[info] Started at ')).toBe(true);
    expect(testLines(r.stdout)).toEqual([
      'Starting test session "SESSION"',
      'IncCase::testHelper()',
      'Success',
      'IncCase::testSet()',
      'Success',
      'IncCase::testVariable()',
      'Success: hello',
      'Tests: 3, Assertions: 2, Failures: 0',
      'Session "SESSION" succeeded',
    ]);
  });

  it('a Builder error ends the command with its message', async () => {
    const p = await project(env, [dev(2)], { 'tests/bad.test.nut': '@if 1\nclass X {}\n' });
    const r = await p.run();
    expect(r.code).toBe(1);
    expect(plain(r.stdout)).toMatch(/\[info\] Using device test file "tests\/bad.test.nut"\nError: Unclosed @if statement \(.*bad.test.nut:\d+\)\nIMPT COMMAND FAILS\n$/);
    const missing = await project(env, [dev(2)], { 'tests/inc.test.nut': '@include "nowhere.nut"\n' });
    const m = await missing.run(['-z', 'json']);
    expect(m.code).toBe(1);
    expect(JSON.parse(m.stdout).Error).toMatch(/^Local file "nowhere.nut" not found/);
  });
});

describe('output modes', () => {
  it('minimal: only test and error lines, then the error', async () => {
    const p = await project(env, [dev(3)], FILES);
    const r = await p.run(['-z', 'minimal']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('[test] Starting test session "' + /"([^"]+)"/.exec(lines[0])![1] + '"');
    expect(plain(r.stdout)).toBe(
      [
        '[test] Starting test session "SESSION"',
        '[test] ACase::testBad()',
        '[test] Failure: Expected value: x, got: y',
        '[test] ACase::testOk()',
        '[test] Success',
        '[test] Tests: 2, Assertions: 2, Failures: 1',
        '[test] Session "SESSION" failed',
        'Error: Testing failed',
        '',
      ].join('\n'),
    );
  });

  it('json: the result only', async () => {
    const p = await project(env, [dev(3)], FILES);
    const failed = await p.run(['-z', 'json']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('{\n  "Error": "Testing failed"\n}\n');
    const passed = await p.run(['-z', 'json', '-t', ':ACase::testOk']);
    expect(passed.code, passed.stdout).toBe(0);
    expect(passed.stdout).toBe('{}\n');
  });

  it('debug: the preprocessed code under .build and the [debug:…] lines', async () => {
    const p = await project(env, [dev(4)], FILES);
    const r = await p.run(['-z', 'debug', '-t', 'nothing-matches']);
    expect(r.stdout).toContain('[debug:TestHelper] Skipping found test "tests/a.test.nut"\n');
    const d = await p.run(['--output', 'debug', '-t', '::testOk']);
    expect(d.code, d.stdout).toBe(0);
    const out = plain(d.stdout);
    expect(out).toMatch(/\[debug:TestHelper\] Agent code size: \d+ bytes\n\[debug:TestHelper\] Device code size: \d+ bytes\n/);
    expect(d.stdout).toContain('[debug:TestWatchdog] Watchdog "session-start" started\n');
    expect(out).toMatch(/\[debug:TestLogsParser\] Log line received: \{"device_id":"30000c2a69330004",.*"msg":"Agent restarted"\}\n/);
    expect(out).toContain('Doing the request with options:');
    const device = fs.readFileSync(path.join(p.dir, '.build/tests/preprocessed.device.a.test.nut'), 'utf8');
    expect(device).toContain('class ImpTestCase {');
    expect(device).toMatch(/#line 1 ".*\/tests\/a\.test\.nut"\nclass ACase extends ImpTestCase/);
    expect(device).toContain('#line 1 "__tests_bootstrap__"');
    expect(device).toContain('runner.testCase = "testOk";');
    expect(fs.readFileSync(path.join(p.dir, '.build/tests/preprocessed.agent.a.test.nut'), 'utf8')).toContain('// no agent source file');
  });
});
