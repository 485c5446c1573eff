// Builder 4 (the preprocessor of impt 2.6.1): @include of local and GitHub
// files, @set and builder variables, the `.builder-cache` directory. It is
// CommonJS that runs its own files by path, so it has a build of its own,
// dist/builder/ (scripts/build-builder.mjs), required at run time; run from
// src/ (tests), the package itself is required.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILDER_CACHE_DIR } from '../context/test-file.js';
import { CliError } from '../errors.js';
import { distFile } from './dist-file.js';

interface Machine {
  execute(source: string, variables: Record<string, unknown>): string;
  generateLineControlStatements: boolean;
  useCache: boolean;
  /** the directory of the top-level source (`__PATH__`), searched first for local includes */
  path: string;
  fileCache: { cacheDir: string };
  readers: { github: { username?: string; token?: string }; file: { runDir: string } };
}

interface BuilderInstance {
  machine: Machine;
  logger: Record<'debug' | 'info' | 'warning' | 'error', (...args: unknown[]) => void>;
}

export interface BuilderOptions {
  /** the command's directory: Builder's defaults are the process's */
  cwd: string;
  variables: Record<string, unknown>;
  cache: boolean;
  github?: { user: string; token: string };
  warning(text: string): void;
  error(text: string): void;
}

export class Preprocessor {
  private readonly machine: Machine;

  constructor(private readonly opts: BuilderOptions) {
    const require = createRequire(import.meta.url);
    const Builder = require(distFile('builder/index.js') ?? 'Builder') as new () => BuilderInstance;
    const builder = new Builder();
    const text = (args: unknown[]) => args.map(String).join(' ');
    builder.logger = {
      debug: () => undefined,
      info: () => undefined,
      warning: (...a) => opts.warning(text(a)),
      error: (...a) => opts.error(text(a)),
    };
    this.machine = builder.machine;
    this.machine.generateLineControlStatements = true;
    this.machine.useCache = opts.cache;
    // local includes not found beside their includer are looked up in the
    // command's directory, and the cache is its `.builder-cache`
    this.machine.path = opts.cwd;
    this.machine.readers.file.runDir = opts.cwd;
    this.machine.fileCache.cacheDir = join(opts.cwd, BUILDER_CACHE_DIR);
    if (opts.github) {
      this.machine.readers.github.username = opts.github.user;
      this.machine.readers.github.token = opts.github.token;
    }
  }

  /** Builder's errors (syntax, missing include, @error) end the command with their message. */
  run(source: string): string {
    try {
      return this.machine.execute(source, { ...this.opts.variables });
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
  }
}
