// impt test run on the emulator, the tool side: agent-only and combined
// sessions with partner files, several devices, --tests patterns,
// stop-on-fail, an offline device, code refused at deployment, the
// tool's own testing timeout.
import { describe, expect, it } from 'vitest';
import { plain, project, testLines, useTestEmulator } from './test-run-support.js';

const dev = (n: number) => `30000c2a6932${String(n).padStart(4, '0')}`;
const env = useTestEmulator('30000c2a6932', 8, [8]);

const PASS = (cls: string, ...methods: string[]) =>
  `class ${cls} extends ImpTestCase {\n${methods.map((m) => `  function ${m}() { this.assertTrue(true); }`).join('\n')}\n}\n`;
const FAILING = (cls: string) => `class ${cls} extends ImpTestCase {\n  function testFails() { this.assertEqual(1, 2); }\n  function testZ() {}\n}\n`;

describe('sessions', () => {
  it('agent-only, then agent and device with partner files exchanging messages', async () => {
    const p = await project(env, [dev(1)], {
      'tests/solo.agent.test.nut': PASS('SoloCase', 'testOne'),
      'tests/comm.agent.test.nut': `
class CommCase extends ImpTestCase {
  function testPingPong() {
    local self = this;
    return Promise(function(ok, err) {
      device.on("pong", function(v) { ok(v); });
      device.send("ping", 41);
    }).then(function(v) { self.assertEqual(42, v); return "pong " + v; });
  }
}
`,
      'tests/comm.device.nut': 'agent.on("ping", function(v) { agent.send("pong", v + 1); });\n',
    });
    const agentOnly = await p.run(['-t', 'solo']);
    expect(agentOnly.code, agentOnly.stdout).toBe(0);
    const a = plain(agentOnly.stdout);
    expect(a).toContain('[info] Found 1 test file(s):\n\ttests/solo.agent.test.nut\n');
    expect(a).toMatch(/\n\[test\] Starting test session "SESSION"\n\[info\] Test session is agent-only\n\[info\] Using Device tr1 \[30000c2a69320001\] \(1\/1\)\n\[info\] Using agent test file "tests\/solo.agent.test.nut"\n/);
    expect(a).not.toContain('Warning: please ensure');

    p.write('.impt.test', { deviceGroupId: p.dg.id, timeout: 5, testFiles: ['tests/comm.agent.test.nut'], deviceFile: 'device.nut' });
    p.write('device.nut', 'server.log("device source");\n');
    const both = await p.run();
    expect(both.code, both.stdout).toBe(0);
    const b = plain(both.stdout);
    expect(b).toContain('[info] Found 1 test file(s):\n\ttests/comm.agent.test.nut (tests/comm.device.nut)\n');
    expect(b).toContain('[info] Have no agent source file, using blank\n[info] Using device source file: device.nut\n');
    expect(b).toContain(`Warning: please ensure imp device ${dev(1)} is online. Current test will fail if the device under test is physically offline\n`);
    expect(b).not.toContain('agent-only');
    expect(testLines(both.stdout)).toEqual([
      'Starting test session "SESSION"',
      'CommCase::testPingPong()',
      'Success: pong 42',
      'Tests: 1, Assertions: 1, Failures: 0',
      'Session "SESSION" succeeded',
    ]);
  });

  it('uses the devices of the group one after another', async () => {
    const p = await project(env, [dev(2), dev(3)], { 'tests/x.test.nut': PASS('XCase', 'testX') });
    const r = await p.run();
    expect(r.code, r.stdout).toBe(0);
    const out = plain(r.stdout);
    expect(out).toMatch(/\[test\] Starting test session "SESSION-1"\n\[info\] Using Device tr2 \[30000c2a69320002\] \(1\/2\)\n/);
    expect(out).toMatch(/\[test\] Starting test session "SESSION-2"\n\[info\] Using Device tr3 \[30000c2a69320003\] \(2\/2\)\n/);
    expect(out.match(/Deployment "[^"]+" is created successfully\./g)).toHaveLength(1);
    expect(out).toContain('[info] Tests: 2, Assertions: 2, Failures: 0\n');
  });
});

describe('--tests', () => {
  it('selects files by regular expression, cases and methods in the built code, and skips files without a match', async () => {
    const p = await project(env, [dev(4)], {
      'tests/one.test.nut': PASS('OneCase', 'testA', 'testB'),
      'tests/two.test.nut': PASS('TwoCase', 'testC'),
    });
    const method = await p.run(['--tests', 'one:OneCase::testB']);
    expect(method.code, method.stdout).toBe(0);
    expect(plain(method.stdout)).toContain('[info] Found 1 test file(s):\n\ttests/one.test.nut\n');
    expect(testLines(method.stdout)).toEqual(['Starting test session "SESSION"', 'OneCase::testB()', 'Success', 'Tests: 1, Assertions: 1, Failures: 0', 'Session "SESSION" succeeded']);

    const kase = await p.run(['-t', ':TwoCase']);
    expect(kase.code, kase.stdout).toBe(0);
    expect(plain(kase.stdout)).toContain('[info] Using device test file "tests/one.test.nut"\n[info] Skip "tests/one.test.nut" testing\n[info] Using device test file "tests/two.test.nut"\n');
    expect(testLines(kase.stdout)).toContain('TwoCase::testC()');

    const none = await p.run(['-t', ':NoSuchCase']);
    expect(none.code, none.stdout).toBe(0);
    expect(plain(none.stdout)).toContain('[info] Skip "tests/two.test.nut" testing\n\n[info] -------------TEST SUMMARY-------------\n\n[info] Tests: 0, Assertions: 0, Failures: 0\n');
    expect(plain(none.stdout)).toContain('[info] Testing succeeded\nIMPT COMMAND SUCCEEDS\n');

    const noFile = await p.run(['-t', 'three']);
    expect(noFile.code).toBe(1);
    expect(plain(noFile.stdout)).toMatch(/^\[info\] Started at .*\nError: No test files found\nIMPT COMMAND FAILS\n$/);
  });
});

describe('failures', () => {
  it('stop-on-fail true stops at the first failure; false runs every file', async () => {
    const files = { 'tests/a.test.nut': FAILING('ACase'), 'tests/b.test.nut': PASS('BCase', 'testB') };
    const stop = await project(env, [dev(5)], files, { stopOnFail: true });
    const r1 = await stop.run();
    expect(r1.code).toBe(1);
    const o1 = plain(r1.stdout);
    expect(testLines(r1.stdout)).toEqual(['Starting test session "SESSION"', 'ACase::testFails()', 'Failure: Expected value: 1, got: 2', 'Session "SESSION" failed']);
    expect(o1).not.toContain('Using device test file "tests/b.test.nut"');
    expect(o1).toContain('[info] 1) ACase::testFails()\n[info] at tests/a.test.nut\n[info] Error: Expected value: 1, got: 2\n');
    expect(o1).toContain('[info] Testing failed\nError: Testing failed\nIMPT COMMAND FAILS\n');

    stop.write('.impt.test', { deviceGroupId: stop.dg.id, timeout: 5, stopOnFail: false, testFiles: ['tests/*.test.nut'] });
    const r2 = await stop.run();
    expect(r2.code).toBe(1);
    expect(testLines(r2.stdout)).toEqual([
      'Starting test session "SESSION"',
      'ACase::testFails()',
      'Failure: Expected value: 1, got: 2',
      'ACase::testZ()',
      'Success',
      'Tests: 2, Assertions: 1, Failures: 1',
      'Session "SESSION" failed',
      'Starting test session "SESSION"',
      'BCase::testB()',
      'Success',
      'Tests: 1, Assertions: 1, Failures: 0',
      'Session "SESSION" succeeded',
    ]);
    expect(plain(r2.stdout)).toContain('[info] Tests: 3, Assertions: 2, Failures: 1\n');
  });

  it('an offline device: the online warning, then the session startup timeout', async () => {
    const p = await project(env, [dev(8)], { 'tests/a.test.nut': PASS('ACase', 'testA') }, { sessionStartTimeout: 2 });
    const r = await p.run();
    expect(r.code).toBe(1);
    const out = plain(r.stdout);
    expect(out).toContain(`Warning: please ensure imp device ${dev(8)} is online.`);
    expect(out).toContain('[error] Session startup timeout\n[test] Session "SESSION" failed\n');
    expect(out).toContain('[info] Testing failed\nError: Testing failed\n');
  });

  it('code refused by the compile check: Compilation Error, and the next file still runs', async () => {
    const p = await project(env, [dev(6)], { 'tests/a.test.nut': 'local x = ;\n', 'tests/b.test.nut': PASS('BCase', 'testB') });
    const r = await p.run();
    expect(r.code).toBe(1);
    const out = plain(r.stdout);
    expect(out).toMatch(/\[error\] Compilation Error: device_code does not compile: line \d+, column \d+: expression expected\nError: Compilation Error: device_code does not compile: line \d+, column \d+: expression expected\ndevice_code error \(line \d+, column \d+\): expression expected\n/);
    expect(out).toContain('[info] Using device test file "tests/b.test.nut"\n');
    expect(testLines(r.stdout)).toContain('Session "SESSION" succeeded');
    expect(out).toContain('[info] Tests: 1, Assertions: 1, Failures: 0\n[info] --------------------------------------\n\n[info] Testing failed\n');
  });

  it('a test that never returns to the event loop: runtime error lines, then the testing timeout', async () => {
    const p = await project(env, [dev(7)], { 'tests/loop.test.nut': 'class LoopCase extends ImpTestCase {\n  function testLoop() { while (true) {} }\n}\n' }, { timeout: 1 });
    // real time: the device code would otherwise restart (10 s after the watchdog) within the tool's 6 s
    const r = await p.run([], { realTime: true });
    expect(r.code).toBe(1);
    const lines = testLines(r.stdout);
    expect(lines[1]).toBe('LoopCase::testLoop()');
    expect(lines.some((l) => l.startsWith('Device Runtime Error: ERROR: watchdog'))).toBe(true);
    expect(plain(r.stdout)).toContain('[error] Testing timeout\n[test] Session "SESSION" failed\n');
  });
});
