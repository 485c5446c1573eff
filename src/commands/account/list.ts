import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { accountMessages as msg } from '../../output/messages/account.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';

export const spec = defineCommand({
  group: 'account',
  name: 'list',
  summary: 'Displays information about all available accounts.',
  description: 'Displays information about all available accounts: the current account, and each shared account on which it is a collaborator.',
  list: true,
  options: [],
});

/** The current account and the accounts it collaborates on (server-defined). */
export async function run(_opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const res = new Resolver(session(rt), rt.out);
  const accounts = await res.api.accounts.list();
  rt.out.list(msg.type, await res.listItems(msg.type, accounts), ['id', 'email', 'username']);
}
