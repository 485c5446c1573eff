import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { loginkeyMessages as msg } from '../../output/messages/loginkey.js';
import { session } from '../shared/context.js';
import { shortView, wrap } from './shared.js';

export const spec = defineCommand({
  group: 'loginkey',
  name: 'list',
  summary: 'Displays information about all login keys.',
  description: 'Displays information about every login key of the current account.',
  list: true,
  options: [],
});

export async function run(_opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const keys = await session(rt).api.loginKeys.list();
  rt.out.list(msg.type, keys.map((k) => wrap(shortView(k))), ['id', 'description', 'usages']);
}
