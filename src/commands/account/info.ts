import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { accountMessages as msg } from '../../output/messages/account.js';
import { session } from '../shared/context.js';
import { ACCOUNT, Resolver } from '../shared/resolver.js';
import { infoView, wrap } from '../shared/views.js';

export const spec = defineCommand({
  group: 'account',
  name: 'info',
  summary: 'Displays information about the specified account.',
  description: 'Displays information about the specified account.',
  options: [
    {
      name: 'user',
      alias: 'u',
      kind: 'string',
      usage: '<ACCOUNT_IDENTIFIER>',
      default: 'me',
      describe: 'An Account identifier: Account ID, email or username. When omitted, the command shows the account you are logged in with.',
    },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const res = new Resolver(session(rt), rt.out);
  const value = opts.user ?? 'me';
  const found = await res.one(ACCOUNT, value);
  // matches found by email/username are re-read by id (§9.1 step 4)
  const account = value === 'me' ? found : await res.reread(ACCOUNT, found, value);
  rt.out.result(wrap(msg.type, infoView(msg.type, account)));
}
