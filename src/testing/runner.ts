// `impt test run` from the configuration to the summary
// (interface/test-run.md "Overview and flow"): files, sources, devices, one
// deployment per test file, one session per device, the summary block.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImpCentralApiError } from '../api/errors.js';
import type { ImpCentral, Resource } from '../api/impcentral.js';
import { CliError } from '../errors.js';
import { metaLines } from '../output/meta.js';
import { testRunMessages as msg } from '../output/messages/test-run.js';
import { Preprocessor } from './builder.js';
import { compose, dumpBuild, type Composed } from './compose.js';
import { startedAt } from './date.js';
import type { TestLog } from './log.js';
import { findTestFiles, selectionMatches, type Selection, type TestFile } from './selection.js';
import { TestSession } from './session.js';
import type { RunSettings } from './settings.js';
import { sessionId } from './words.js';

interface Totals {
  tests: number;
  assertions: number;
  failures: number;
  failed: boolean;
  stop: boolean;
  entries: { test: string; file: string; message: string }[];
}

export class TestRunner {
  private readonly totals: Totals = { tests: 0, assertions: 0, failures: 0, failed: false, stop: false, entries: [] };
  private builder: Preprocessor | undefined;

  constructor(
    private readonly api: ImpCentral,
    private readonly log: TestLog,
    private readonly s: RunSettings,
    private readonly sel: Selection,
    private readonly dg: Resource,
  ) {}

  /** true when every session succeeded */
  async run(): Promise<boolean> {
    const { log, s } = this;
    log.info(msg.startedAt(startedAt(new Date())));
    const files = findTestFiles(s.testFiles, s.cwd, this.sel, (f) => log.debug('TestHelper', msg.skippingFound(f)));
    if (files.length === 0) throw new CliError(msg.noTestFiles);
    log.info(msg.found(files.length, files.map((f) => msg.foundFile(f.path, f.partner))));
    this.sources();
    const devices = await this.api.devices.list({ 'devicegroup.id': s.dgId });
    if (devices.length === 0) throw new CliError(msg.noDevices(s.dgId));
    for (const file of files) {
      if (this.totals.stop) break;
      await this.runFile(file, devices);
    }
    this.summary();
    return !this.totals.failed;
  }

  private sources(): void {
    const { log, s } = this;
    const check = (file: string | undefined, using: (f: string) => string, blank: string, missing: (f: string) => string) => {
      if (!file) return log.info(blank);
      const shown = file.replace(/\\/g, '/');
      if (!existsSync(resolve(s.cwd, file))) throw new CliError(missing(shown));
      log.info(using(shown));
    };
    check(s.agentFile, msg.agentSource, msg.noAgentSource, msg.agentSourceNotFound);
    check(s.deviceFile, msg.deviceSource, msg.noDeviceSource, msg.deviceSourceNotFound);
  }

  private preprocessor(): Preprocessor {
    return (this.builder ??= new Preprocessor({
      cwd: this.s.cwd,
      variables: this.s.builderVariables,
      cache: this.s.builderCache,
      github: this.s.github,
      warning: (t) => this.log.warning(t),
      error: (t) => this.log.error(t),
    }));
  }

  /** The composed code, or undefined when the case/method filter does not match it. */
  private code(file: TestFile, id: string): Composed | undefined {
    const { log, s } = this;
    log.info(msg.usingTestFile(file.type, file.path));
    const code = compose(
      { cwd: s.cwd, file, agentFile: s.agentFile, deviceFile: s.deviceFile, sessionId: id, timeout: s.timeout, stopOnFail: s.stopOnFail, testCase: this.sel.testCase, testMethod: this.sel.testMethod },
      this.preprocessor(),
    );
    if (!selectionMatches(code.tested, this.sel)) return undefined;
    if (log.isDebug) {
      dumpBuild(s.cwd, file, code);
      log.debug('TestHelper', msg.codeSize('Agent', Buffer.byteLength(code.agent)));
      log.debug('TestHelper', msg.codeSize('Device', Buffer.byteLength(code.device)));
    }
    return code;
  }

  private async runFile(file: TestFile, devices: Resource[]): Promise<void> {
    const { log, s } = this;
    const id = sessionId();
    const code = this.code(file, id);
    if (!code) return log.info(msg.skip(file.path));
    log.info(msg.usingDg(String(this.dg.attributes?.name ?? ''), s.dgId));
    let deployment: Resource;
    try {
      deployment = await this.api.deployments.create(
        { device_code: code.device, agent_code: code.agent },
        { devicegroup: { type: this.dg.type, id: s.dgId } },
      );
    } catch (e) {
      this.deploymentFailed(e);
      return;
    }
    log.plain(msg.deploymentCreated(deployment.id));
    log.info(msg.createdDeployment(deployment.id));
    for (const [i, device] of devices.entries()) {
      if (this.totals.stop) break;
      await this.runSession(file, id, devices.length === 1 ? id : `${id}-${i + 1}`, device, i + 1, devices.length);
    }
  }

  private deploymentFailed(e: unknown): void {
    const { log } = this;
    if (!(e instanceof ImpCentralApiError)) throw e;
    const first = e.errors[0];
    log.error(first ? `${first.title ?? ''}: ${first.detail ?? ''}` : `impCentral API error HTTP/${e.status}`);
    if (!log.out.isJson) {
      for (const el of e.errors) {
        log.out.error(`${el.title ?? ''}: ${el.detail ?? ''}`);
        for (const line of metaLines(el.meta)) log.out.raw(line);
      }
    }
    this.totals.failed = true;
    if (this.s.stopOnFail) {
      this.totals.stop = true;
      log.debug('TestHelper', msg.forcedStop);
    }
  }

  private async runSession(file: TestFile, id: string, name: string, device: Resource, index: number, count: number): Promise<void> {
    const { log, s } = this;
    log.plain('');
    log.test(msg.startingSession(name));
    const agentOnly = !s.deviceFile && file.type === 'agent';
    if (agentOnly) log.info(msg.agentOnly);
    log.info(msg.usingDevice(String(device.attributes?.name ?? ''), device.id, index, count));
    if (!agentOnly) log.plain(msg.ensureOnline(device.id), 'yellow');
    // the code is composed again for every device, as impt 2.6.1 does (not redeployed)
    if (!this.code(file, id)) return log.info(msg.skip(file.path));
    const session = new TestSession({
      api: this.api,
      log,
      cwd: s.cwd,
      env: s.env,
      dgId: s.dgId,
      deviceId: device.id,
      id,
      name,
      type: file.type,
      timeout: s.timeout,
      stopOnFail: s.stopOnFail,
      allowDisconnect: s.allowDisconnect,
      startTimeoutMs: s.sessionStartTimeout * 1000,
    });
    const outcome = await session.run();
    const t = this.totals;
    t.tests += outcome.tests;
    t.assertions += outcome.assertions;
    t.failures += outcome.failures;
    if (outcome.failed) t.failed = true;
    if (outcome.stopCommand) t.stop = true;
    for (const f of outcome.testFailures) t.entries.push({ test: f.test, file: file.path, message: f.message });
  }

  private summary(): void {
    const { log } = this;
    const t = this.totals;
    log.plain('');
    log.info(msg.summaryHead);
    t.entries.forEach((e, i) => {
      log.plain('');
      log.info(msg.summaryTest(i + 1, e.test));
      log.info(msg.summaryAt(e.file));
      log.info(msg.summaryError(e.message));
    });
    log.plain('');
    log.info(msg.totals(t.tests, t.assertions, t.failures));
    log.info(msg.summaryFoot);
    log.plain('');
    if (t.failed) log.line('info', msg.testingFailed, 'red');
    else log.line('info', msg.testingSucceeded, 'green');
  }
}
