// The two code units of one test build (interface/test-run.md "Composition"):
// the test side = framework, source file, test file in a function whose
// parameter is ImpTestCase, bootstrap; the partner side = source file and
// partner file. Both go through Builder.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { testRunMessages as msg } from '../output/messages/test-run.js';
import { frameworkPath } from './framework.js';
import type { Preprocessor } from './builder.js';
import type { TestFile } from './selection.js';

export interface ComposeInput {
  cwd: string;
  file: TestFile;
  agentFile?: string;
  deviceFile?: string;
  sessionId: string;
  timeout: number;
  stopOnFail: boolean;
  testCase: string;
  testMethod: string;
}

export interface Composed {
  agent: string;
  device: string;
  /** the preprocessed test-side code (for the case/method filter check) */
  tested: string;
}

const include = (path: string) => `@include ${JSON.stringify(path.replace(/\\/g, '/'))}`;
const squirrelString = (s: string) => JSON.stringify(s);

function reloadTrigger(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(32);
  const word = Array.from(bytes, (b) => chars[b % chars.length]).join('');
  return `${msg.reloadTrigger}\n"${word}";\n`;
}

function sourcePart(cwd: string, side: 'agent' | 'device', file: string | undefined): string {
  return file ? include(resolve(cwd, file)) : msg.placeholder(side);
}

function testSide(input: ComposeInput): string {
  const side = input.file.type;
  const source = side === 'agent' ? input.agentFile : input.deviceFile;
  const bootstrap = [
    'imp.wakeup(2, function() {',
    '  local runner = ImpUnitRunner();',
    '  runner.readableOutput = false;',
    `  runner.session = ${squirrelString(input.sessionId)};`,
    `  runner.timeout = ${input.timeout};`,
    `  runner.stopOnFailure = ${input.stopOnFail};`,
    `  runner.testClass = ${squirrelString(input.testCase)};`,
    `  runner.testCase = ${squirrelString(input.testMethod)};`,
    '  runner.run();',
    '});',
  ];
  return [
    include(frameworkPath()),
    sourcePart(input.cwd, side, source),
    'local __impUnitTests = function(ImpTestCase) {',
    include(resolve(input.cwd, input.file.path)),
    '};',
    'local __impUnitBootstrap = function(ImpUnitRunner) {',
    '#line 1 "__tests_bootstrap__"',
    ...bootstrap,
    '};',
    '__impUnitTests(__module_impUnit_exports.ImpTestCase);',
    '__impUnitBootstrap(__module_impUnit_exports.ImpUnitRunner);',
    '',
  ].join('\n') + (side === 'device' ? reloadTrigger() : '');
}

function partnerSide(input: ComposeInput): string {
  const side = input.file.type === 'agent' ? 'device' : 'agent';
  const source = side === 'agent' ? input.agentFile : input.deviceFile;
  const parts = [sourcePart(input.cwd, side, source)];
  if (input.file.partner) parts.push(include(resolve(input.cwd, input.file.partner)));
  return parts.join('\n') + '\n' + (side === 'device' ? reloadTrigger() : '');
}

export function compose(input: ComposeInput, builder: Preprocessor): Composed {
  const tested = builder.run(testSide(input));
  const partner = builder.run(partnerSide(input));
  return input.file.type === 'agent' ? { agent: tested, device: partner, tested } : { agent: partner, device: tested, tested };
}

/** Debug mode: the preprocessed units under `.build/<dir of the test file>/`. */
export function dumpBuild(cwd: string, file: TestFile, code: Composed): void {
  const dir = join(cwd, '.build', dirname(file.path));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `preprocessed.agent.${basename(file.path)}`), code.agent);
  writeFileSync(join(dir, `preprocessed.device.${basename(file.path)}`), code.device);
}
