// impt test run on the emulator, the framework side: every assert passing
// and failing with impUnit's messages, asynchronous tests, setUp/tearDown
// order, runtime errors inside tests, and the framework's own self-test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plain, project, testLines, useTestEmulator } from './test-run-support.js';

const dev = (n: number) => `30000c2a6931${String(n).padStart(4, '0')}`;
const env = useTestEmulator('30000c2a6931', 3);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const ASSERTS = `
class AssertCase extends ImpTestCase {
  function setUp() { return "up"; }
  function tearDown() { return { done = true }; }
  function testA_pass() {
    this.assertTrue(1 == 1);
    this.assertEqual(2, 1 + 1);
    this.assertGreater(3, 2);
    this.assertLess(2, 3);
    this.assertClose(1.0, 1.05, 0.1);
    this.assertBetween(5, 1, 10);
    this.assertBetween(5, 10, 1);
    this.assertDeepEqual({ a = 1, b = { c = [1, 2] } }, { a = 1, b = { c = [1, 2] } });
    local e = this.assertThrowsError(function(x) { throw "boom " + x; }, this, [7]);
    this.assertEqual("boom 7", e);
    return 10;
  }
  function testB_true() { this.assertTrue(false); }
  function testC_trueMsg() { this.assertTrue(false, "my message"); }
  function testD_equal() { this.assertEqual(1, 2); }
  function testE_greater() { this.assertGreater(1, 2); }
  function testF_less() { this.assertLess(2, 1); }
  function testG_close() { this.assertClose(1.0, 2.5, 0.5); }
  function testH_between() { this.assertBetween(11, 10, 1); }
  function testI_throws() { this.assertThrowsError(function() {}, this); }
  function testJ_deepMissing() { this.assertDeepEqual({ a = 1, b = { c = 3 } }, { a = 1, b = {} }); }
  function testK_deepExtra() { this.assertDeepEqual({ b = { c = 3 } }, { b = { c = 3, d = 4 } }); }
  function testL_deepValue() { this.assertDeepEqual({ b = { c = 3 } }, { b = { c = 100 } }); }
  function testM_deepType() { this.assertDeepEqual({ b = 1 }, { b = "1" }); }
  function testN_custom() { this.assertEqual(1, 2, "wanted %s, saw %s"); }
}
`;

describe('asserts', () => {
  it('passes and fails with impUnit messages; setUp first, tearDown last; the summary lists each failure', async () => {
    const p = await project(env, [dev(1)], { 'tests/asserts.test.nut': ASSERTS });
    const r = await p.run();
    expect(r.code).toBe(1);
    const fail = (m: string, msg: string) => [`AssertCase::${m}()`, `Failure: ${msg}`];
    expect(testLines(r.stdout)).toEqual([
      'Starting test session "SESSION"',
      'AssertCase::setUp()',
      'Success: up',
      'AssertCase::testA_pass()',
      'Success: 10',
      ...fail('testB_true', 'Failed to assert that condition is true'),
      ...fail('testC_trueMsg', 'my message'),
      ...fail('testD_equal', 'Expected value: 1, got: 2'),
      ...fail('testE_greater', 'Failed to assert that 1 > 2'),
      ...fail('testF_less', 'Failed to assert that 2 < 1'),
      ...fail('testG_close', 'Expected value: 1±0.5, got: 2.5'),
      ...fail('testH_between', 'Expected value the range of 1..10, got 11'),
      ...fail('testI_throws', 'Function was expected to throw an error'),
      ...fail('testJ_deepMissing', "Comparison failed on 'b.c': expected 3, got none"),
      ...fail('testK_deepExtra', "Comparison failed on 'b.d': expected none, got 4"),
      ...fail('testL_deepValue', "Comparison failed on 'b.c': expected 3, got 100"),
      ...fail('testM_deepType', 'Values are not the same type, typeof lhs = integer, typeof rhs = string'),
      ...fail('testN_custom', 'wanted 1, saw 2'),
      'AssertCase::tearDown()',
      'Success: {"done":true}',
      'Tests: 14, Assertions: 23, Failures: 13',
      'Session "SESSION" failed',
    ]);
    const out = plain(r.stdout);
    expect(out).toContain('[info] 1) AssertCase::testB_true()\n[info] at tests/asserts.test.nut\n[info] Error: Failed to assert that condition is true\n');
    expect(out).toContain('[info] 13) AssertCase::testN_custom()\n[info] at tests/asserts.test.nut\n[info] Error: wanted 1, saw 2\n');
    expect(out).toContain('\n[info] Tests: 14, Assertions: 23, Failures: 13\n[info] --------------------------------------\n\n[info] Testing failed\nError: Testing failed\nIMPT COMMAND FAILS\n');
  });

  it('asynchronous tests: resolved, rejected, timed out; runtime errors and thrown values in tests', async () => {
    const p = await project(
      env,
      [dev(2)],
      {
        'tests/async.test.nut': `
class AsyncCase extends ImpTestCase {
  function testA_resolves() {
    return Promise(function(ok, err) { imp.wakeup(0.2, function() { ok("later"); }); });
  }
  function testB_rejects() {
    local self = this;
    return Promise(function(ok, err) { imp.wakeup(0.1, function() { err("went wrong"); }); });
  }
  function testC_never() { return Promise(function(ok, err) {}); }
  function testD_chain() {
    local self = this;
    return Promise.resolve(2).then(function(v) { self.assertEqual(2, v); return v * 3; });
  }
  function testE_index() { fieldDoesNotExists = 1; }
  function testF_throw() { throw "Check unhandled exception"; }
  function testG_serverError() { server.error("Send server error"); }
}
`,
      },
      { timeout: 1 },
    );
    const r = await p.run();
    expect(r.code).toBe(1);
    expect(testLines(r.stdout)).toEqual([
      'Starting test session "SESSION"',
      'AsyncCase::testA_resolves()',
      'Success: later',
      'AsyncCase::testB_rejects()',
      'Failure: went wrong',
      'AsyncCase::testC_never()',
      'Failure: Test timed out after 1s',
      'AsyncCase::testD_chain()',
      'Success: 6',
      'AsyncCase::testE_index()',
      "Failure: the index 'fieldDoesNotExists' does not exist",
      'AsyncCase::testF_throw()',
      'Failure: Check unhandled exception',
      'AsyncCase::testG_serverError()',
      'Device Runtime Error: Send server error',
      'Success',
      'Tests: 7, Assertions: 1, Failures: 4',
      'Session "SESSION" failed',
    ]);
  });

  it('runCommand runs a shell command on the host; a failing one ends the session', async () => {
    const p = await project(env, [dev(2)], {
      'tests/cmd.test.nut': 'class CmdCase extends ImpTestCase {\n  function testA() { this.runCommand("echo one; echo two"); }\n  function testB() { this.runCommand("exit 3"); }\n  function testC() {}\n}\n',
    });
    const r = await p.run();
    expect(r.code).toBe(1);
    const out = plain(r.stdout);
    expect(out).toContain('[test] CmdCase::testA()\n[info] Running external command: echo one; echo two\n> one\n> two\n[test] Success\n');
    expect(out).toContain('[test] CmdCase::testB()\n[info] Running external command: exit 3\n[error] External command failed with exit code 3\n[test] Session "SESSION" failed\n');
    expect(out).not.toContain('CmdCase::testC()');
  });

  it('runs the bundled framework self-test suite (device and agent), which passes', async () => {
    const dir = path.join(ROOT, 'src/testing/framework/selftest');
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(dir)) files[`selftest/${f}`] = fs.readFileSync(path.join(dir, f), 'utf8');
    const p = await project(env, [dev(3)], files, { testFiles: ['selftest/*.test.nut'], timeout: 2 });
    const r = await p.run();
    expect(plain(r.stdout)).toContain('[info] Testing succeeded\nIMPT COMMAND SUCCEEDS\n');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('Failure:');
    expect(plain(r.stdout)).toMatch(/\[info\] Tests: [1-9]\d+, Assertions: \d+, Failures: 0\n/);
  });
});
