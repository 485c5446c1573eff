// Placeholder for a command whose handler is not built yet.
import { CliError } from '../../errors.js';
import { parse } from '../../output/messages/common.js';
import type { CommandModule } from '../../cli/spec.js';

export function notImplemented(group: string, name: string, summary: string): CommandModule {
  return {
    spec: { group, name, summary, description: summary, options: [] },
    run: async () => {
      throw new CliError(parse.notImplemented(`${group} ${name}`));
    },
  };
}
