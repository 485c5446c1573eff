// Usage lines of the build and webhook commands, as quoted in
// interface/build.md and interface/webhook.md (help wraps them at 80 columns).
import { describe, expect, it } from 'vitest';
import { runImpt } from '../helpers/in-process.js';

const USAGE: Record<string, string> = {
  'build cleanup': '[--product <PRODUCT_IDENTIFIER>] [--unflag] [--confirmed] [--output <mode>] [--help]',
  'build copy': '[--build <BUILD_IDENTIFIER>] --dg <DEVICE_GROUP_IDENTIFIER> [--all] [--output <mode>] [--help]',
  'build delete': '--build <BUILD_IDENTIFIER> [--force] [--confirmed] [--output <mode>] [--help]',
  'build deploy':
    '[--dg <DEVICE_GROUP_IDENTIFIER>] [--device-file <device_file>] [--agent-file <agent_file>] [--descr <build_description>] [--origin <origin>] [--tag <tag>] [--flagged [true|false]] [--output <mode>] [--help]',
  'build get':
    '[--build <BUILD_IDENTIFIER>] [--device-file <device_file>] [--agent-file <agent_file>] [--device-only] [--agent-only] [--confirmed] [--output <mode>] [--help]',
  'build info': '[--build <BUILD_IDENTIFIER>] [--output <mode>] [--help]',
  'build list':
    '[--owner <ACCOUNT_IDENTIFIER>] [--product <PRODUCT_IDENTIFIER>] [--dg <DEVICE_GROUP_IDENTIFIER>] [--dg-type <device_group_type>] [--sha <deployment_sha>] [--tag <tag>] [--flagged] [--unflagged] [--non-zombie] [--zombie] [--output <mode>] [--help]',
  'build run':
    '[--dg <DEVICE_GROUP_IDENTIFIER>] [--device-file <device_file>] [--agent-file <agent_file>] [--descr <build_description>] [--origin <origin>] [--tag <tag>] [--flagged [true|false]] [--conditional] [--log] [--output <mode>] [--help]',
  'build update':
    '[--build <BUILD_IDENTIFIER>] [--descr <build_description>] [--tag <tag>] [--remove-tag <tag>] [--flagged [true|false]] [--output <mode>] [--help]',
  'webhook create':
    '[--dg <DEVICE_GROUP_IDENTIFIER>] --url <target_url> --event <triggered_event> --mime <content_type> [--output <mode>] [--help]',
  'webhook delete': '--wh <webhook_id> [--confirmed] [--output <mode>] [--help]',
  'webhook info': '--wh <webhook_id> [--output <mode>] [--help]',
  'webhook list':
    '[--owner <ACCOUNT_IDENTIFIER>] [--product <PRODUCT_IDENTIFIER>] [--dg <DEVICE_GROUP_IDENTIFIER>] [--dg-type <device_group_type>] [--url <target_url>] [--event <triggered_event>] [--output <mode>] [--help]',
  'webhook update': '--wh <webhook_id> [--url <target_url>] [--mime <content_type>] [--output <mode>] [--help]',
};

describe('build and webhook help', () => {
  it.each(Object.entries(USAGE))('impt %s --help shows the documented usage', async (command, synopsis) => {
    const r = await runImpt([...command.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\nUsage: ')).toBe(true);
    expect(r.stdout.trim().split('\n\n')[0]!.replace(/\n/g, ' ')).toBe(`Usage: impt ${command} ${synopsis}`);
    expect(r.stdout).not.toContain('IMPT COMMAND');
    expect(r.stdout.split('\n').every((l) => l.length <= 80)).toBe(true);
  });

  it('lists the commands of both groups', async () => {
    const build = (await runImpt(['build', '--help'])).stdout;
    for (const c of ['cleanup', 'copy', 'delete', 'deploy', 'get', 'info', 'list', 'run', 'update']) expect(build).toContain(`impt build ${c}`);
    const webhook = (await runImpt(['webhook', '--help'])).stdout;
    for (const c of ['create', 'delete', 'info', 'list', 'update']) expect(webhook).toContain(`impt webhook ${c}`);
  });
});
