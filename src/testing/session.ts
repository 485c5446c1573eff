// One test session: one test file on one device. Reads the device's log
// stream, follows the impUnit messages of the side under test and keeps the
// state machine of interface/test-run.md (initialized → ready → started →
// finished), its two watchdogs and its error table.
import { format } from 'node:util';
import type { ImpCentral } from '../api/impcentral.js';
import { testRunMessages as msg } from '../output/messages/test-run.js';
import { runExternalCommand } from './command.js';
import { errorText, messagesTimeout, sessionError, startTimeout, stateError, type SessionError } from './errors.js';
import type { TestLog } from './log.js';
import { SessionStream } from './stream.js';
import { Watchdog } from './watchdog.js';

export interface SessionOptions {
  api: ImpCentral;
  log: TestLog;
  cwd: string;
  env: NodeJS.ProcessEnv;
  dgId: string;
  deviceId: string;
  id: string;
  name: string;
  type: 'agent' | 'device';
  timeout: number;
  stopOnFail: boolean;
  allowDisconnect: boolean;
  startTimeoutMs: number;
}

export interface SessionOutcome {
  tests: number;
  assertions: number;
  failures: number;
  /** the run fails */
  failed: boolean;
  /** stop-on-fail: no further devices or files */
  stopCommand: boolean;
  /** TEST_FAIL messages with the test they belong to */
  testFailures: { test: string; message: string }[];
}

type State = 'initialized' | 'ready' | 'started' | 'finished';

const PRINT_KIND: Record<string, 'test' | 'error'> = {
  TestMethodError: 'test',
  DeviceDisconnectedError: 'test',
  DeviceRuntimeError: 'test',
  AgentRuntimeError: 'test',
  DeviceError: 'test',
};

export class TestSession {
  private state: State = 'initialized';
  private error = false;
  private stopped = false;
  private result = { tests: 0, assertions: 0, failures: 0 };
  private readonly outcome: SessionOutcome = { tests: 0, assertions: 0, failures: 0, failed: false, stopCommand: false, testFailures: [] };
  private currentTest = '';
  private codeSpace: string | undefined;
  private stream: SessionStream | undefined;
  private readonly startWatchdog: Watchdog;
  private readonly messagesWatchdog: Watchdog;
  private finish!: () => void;
  private readonly done = new Promise<void>((r) => (this.finish = r));

  constructor(private readonly o: SessionOptions) {
    this.startWatchdog = new Watchdog('session-start', o.startTimeoutMs, o.log, () => this.onError(startTimeout()));
    this.messagesWatchdog = new Watchdog('test-messages', (o.timeout + 5) * 1000, o.log, () => this.onError(messagesTimeout()));
  }

  /** Opens the stream, reloads the code on the device, and waits for the session to end. */
  async run(): Promise<SessionOutcome> {
    const { api, log } = this.o;
    this.startWatchdog.start();
    try {
      this.stream = await SessionStream.open(
        api,
        this.o.deviceId,
        { record: (r) => this.onRecord(r), closed: (reason) => this.onStreamClosed(reason) },
        this.o.env,
        log.isDebug ? (t) => log.out.debug(t) : undefined,
      );
    } catch (e) {
      this.onError(sessionError('Error', errorText(e)));
      await this.done;
      return this.outcome;
    }
    if (this.stopped) this.stream.close();
    else {
      try {
        await api.deviceGroups.addDevices(this.o.dgId, [this.o.deviceId]);
      } catch (e) {
        this.close();
        throw e;
      }
      log.plain(msg.deviceAssigned(this.o.deviceId, this.o.dgId));
    }
    await this.done;
    return this.outcome;
  }

  private onStreamClosed(reason: unknown): void {
    if (this.stopped) return;
    this.onError(sessionError('Error', reason instanceof Error ? errorText(reason) : msg.streamClosed));
  }

  private onRecord(r: Record<string, unknown>): void {
    if (this.stopped) return;
    const { log } = this.o;
    if (log.isDebug) log.debug('TestLogsParser', msg.logLineReceived(JSON.stringify(r)));
    const type = String(r.type ?? '');
    const text = typeof r.msg === 'string' ? r.msg : String(r.msg ?? '');
    switch (type) {
      case 'status':
        return this.onStatus(text, r);
      case 'lastexitcode':
        return this.errorOrWarning(sessionError('DeviceError', /out of memory/.test(text) ? msg.outOfMemory : msg.deviceError(text)));
      case 'agent.error':
        return this.errorOrWarning(sessionError('AgentRuntimeError', msg.agentRuntimeError(text)));
      case 'server.error':
        return this.errorOrWarning(sessionError('DeviceRuntimeError', msg.deviceRuntimeError(text)));
      case 'powerstate':
        return log.info(msg.powerstate(text));
      case 'firmware':
        return log.info(msg.firmware(text));
      case 'agent.log':
      case 'server.log':
        if (type === (this.o.type === 'agent' ? 'agent.log' : 'server.log') && text.includes('__IMPUNIT__')) this.onImpUnitLine(text);
        return;
      default:
        return log.info(msg.unknownMessage(format('%s', r)));
    }
  }

  private onStatus(text: string, r: Record<string, unknown>): void {
    const { log } = this.o;
    if (/Agent restarted/.test(text)) {
      if (this.state === 'initialized') this.state = 'ready';
      return;
    }
    const space = /(Out of space)?.*?([\d.]+)% program storage used/.exec(text);
    if (space) {
      const pct = Number(space[2]).toFixed(1);
      if (pct !== this.codeSpace) {
        this.codeSpace = pct;
        log.info(msg.codeSpace(pct));
      }
      if (space[1]) this.onError(sessionError('DeviceError', msg.outOfCodeSpace));
      return;
    }
    if (/Device disconnected/.test(text)) {
      if (this.o.allowDisconnect) log.info(msg.disconnectAllowed);
      else this.errorOrWarning(sessionError('DeviceDisconnectedError', msg.deviceDisconnected));
      return;
    }
    if (/Device connected/.test(text)) return;
    log.info(msg.unknownMessage(format('%s', r)));
  }

  /** Device errors, runtime errors and disconnects count only once the session has started. */
  private errorOrWarning(e: SessionError): void {
    if (this.state === 'started') this.onError(e);
    else this.o.log.warning(e.message);
  }

  private onImpUnitLine(text: string): void {
    let m: { type?: unknown; session?: unknown; message?: unknown };
    try {
      m = JSON.parse(text) as typeof m;
    } catch (e) {
      return this.onError(sessionError('Error', (e as Error).message));
    }
    if (m.session !== this.o.id) return;
    this.messagesWatchdog.start();
    const { log } = this.o;
    const message = m.message;
    switch (m.type) {
      case 'SESSION_START':
        this.startWatchdog.stop();
        if (this.state !== 'ready') return this.onError(stateError());
        this.state = 'started';
        return;
      case 'TEST_START':
        if (this.state !== 'started') return this.onError(stateError());
        this.currentTest = String(message);
        return log.test(this.currentTest);
      case 'TEST_FAIL':
        if (this.state !== 'started') return this.onError(stateError());
        return this.onError(sessionError('TestMethodError', typeof message === 'string' ? message : JSON.stringify(message)));
      case 'TEST_OK':
        return log.test(message === null || message === undefined ? msg.success : msg.successWith(typeof message === 'string' ? message : JSON.stringify(message)));
      case 'INFO':
        return log.test(JSON.stringify((message as { message?: unknown } | null)?.message ?? null));
      case 'EXTERNAL_COMMAND': {
        const command = String((message as { command?: unknown } | null)?.command ?? '');
        const err = runExternalCommand(command, this.o.timeout, this.o, log);
        if (err) this.onError(err);
        return;
      }
      case 'SESSION_RESULT': {
        this.messagesWatchdog.stop();
        if (this.state !== 'started') return this.onError(stateError());
        const r = (message ?? {}) as Record<string, unknown>;
        this.result = { tests: Number(r.tests) || 0, assertions: Number(r.assertions) || 0, failures: Number(r.failures) || 0 };
        this.state = 'finished';
        const { tests, assertions, failures } = this.result;
        log.test(msg.totals(tests, assertions, failures), failures > 0 ? 'red' : 'green');
        if (failures > 0) this.onError(sessionError('SessionFailedError', 'Session failed'));
        return this.stop();
      }
      default:
        return;
    }
  }

  private onError(e: SessionError): void {
    if (this.stopped) return;
    const { log } = this.o;
    log.debug('TestHelper', msg.errorType(e.kind === 'Error' ? 'Error' : e.kind));
    let stopSession = true;
    let fails = true;
    switch (e.kind) {
      case 'TestMethodError':
        log.test(msg.failure(e.message), 'red');
        this.outcome.testFailures.push({ test: this.currentTest, message: e.message });
        stopSession = this.o.stopOnFail;
        break;
      case 'SessionFailedError':
        stopSession = false;
        break;
      case 'DeviceDisconnectedError':
        log.test(e.message, 'red');
        stopSession = !this.o.allowDisconnect;
        break;
      case 'DeviceRuntimeError':
      case 'AgentRuntimeError':
        log.test(e.message, 'red');
        stopSession = false;
        fails = false;
        break;
      default:
        if (PRINT_KIND[e.kind] === 'test') log.test(e.message, 'red');
        else log.error(e.message);
    }
    if (fails) {
      this.error = true;
      this.outcome.failed = true;
    }
    if (stopSession && this.o.stopOnFail) {
      this.outcome.stopCommand = true;
      log.debug('TestHelper', msg.forcedStop);
    }
    if (stopSession) this.stop();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const { log } = this.o;
    if (this.error) log.test(msg.sessionFailed(this.o.name), 'red');
    else log.test(msg.sessionSucceeded(this.o.name), 'green');
    Object.assign(this.outcome, this.result);
    this.close();
    this.finish();
  }

  private close(): void {
    this.startWatchdog.stop();
    this.messagesWatchdog.stop();
    this.stream?.close();
  }
}
