// Options of `test create` / `test update` applied to a test configuration:
// values set keep their key's place, new keys are appended, "" removes.
import { existsSync } from 'node:fs';
import type { CommandRuntime, OptionsOf } from '../../cli/spec.js';
import { BUILDER_CACHE_DIR, inCwd, removeOwnDirectory, type TestConfig } from '../../context/test-file.js';
import { CliError } from '../../errors.js';
import { testMessages as msg } from '../../output/messages/test.js';
import type { configOptions } from './options.js';

const BOOLS = [
  ['stop-on-fail', 'stopOnFail'],
  ['allow-disconnect', 'allowDisconnect'],
  ['builder-cache', 'builderCache'],
] as const;

/** Source files must exist; configuration files may be missing (then only a notice is printed). */
const FILES = [
  ['device-file', 'deviceFile', msg.deviceFileNotFound, true],
  ['agent-file', 'agentFile', msg.agentFileNotFound, true],
  ['github-config', 'githubConfig', msg.githubNotFound, false],
  ['builder-config', 'builderConfig', msg.builderNotFound, false],
] as const;

export function applyConfigOptions(config: TestConfig, opts: OptionsOf<ReturnType<typeof configOptions>>, rt: CommandRuntime): void {
  if (opts.timeout !== undefined) config.timeout = opts.timeout;
  for (const [option, key] of BOOLS) if (opts[option] !== undefined) config[key] = opts[option];
  if (opts['test-file'].length) config.testFiles = opts['test-file'];
  for (const [option, key, notFound, mustExist] of FILES) {
    const value = opts[option];
    if (value === undefined) continue;
    if (value === '') {
      delete config[key];
      continue;
    }
    if (!existsSync(inCwd(rt.cwd, value))) {
      if (mustExist) throw new CliError(notFound(value));
      rt.out.info(notFound(value));
    }
    config[key] = value;
  }
}

/** Removes `.builder-cache` if present, saying so. */
export function removeBuilderCache(rt: CommandRuntime): void {
  if (!existsSync(inCwd(rt.cwd, BUILDER_CACHE_DIR))) return;
  removeOwnDirectory(rt.cwd, BUILDER_CACHE_DIR);
  rt.out.info(msg.cacheDeleted);
}
