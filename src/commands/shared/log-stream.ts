// Real-time log streaming for `--log` options (interface/README.md §14).
// Placeholder until the log group provides the implementation.
import type { CommandRuntime } from '../../cli/spec.js';
import { CliError } from '../../errors.js';
import type { Resolver } from './resolver.js';

export async function streamLogs(_res: Resolver, _deviceIds: string[], _rt: CommandRuntime): Promise<void> {
  throw new CliError('Log streaming is not available yet.');
}
