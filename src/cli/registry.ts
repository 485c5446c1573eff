// The command tree of impt 2.6.1. Only names and short descriptions live
// here; each command's options and handler are loaded on demand so that
// `impt --version` and `impt --help` load nothing else.
import type { CommandModule } from './spec.js';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

export interface GroupEntry {
  name: string;
  summary: string;
  commands: CommandEntry[];
}

const c = (name: string, summary: string, load: () => Promise<CommandModule>): CommandEntry => ({ name, summary, load });

export const GROUPS: GroupEntry[] = [
  {
    name: 'account',
    summary: 'Account information commands.',
    commands: [
      c('info', 'Displays information about the specified account.', () => import('../commands/account/info.js')),
      c('list', 'Displays information about all available accounts.', () => import('../commands/account/list.js')),
    ],
  },
  {
    name: 'auth',
    summary: 'Authentication commands.',
    commands: [
      c('info', 'Displays the status and the details of the authentication applicable to the current directory.', () => import('../commands/auth/info.js')),
      c('login', 'Creates the global or local auth file.', () => import('../commands/auth/login.js')),
      c('logout', 'Deletes the global or local auth file.', () => import('../commands/auth/logout.js')),
    ],
  },
  {
    name: 'build',
    summary: 'Build manipulation commands.',
    commands: [
      c('cleanup', 'Deletes builds which are not related to any Device Group.', () => import('../commands/build/cleanup.js')),
      c('copy', 'Copies the specified build to the specified Device Group.', () => import('../commands/build/copy.js')),
      c('delete', 'Deletes the specified build.', () => import('../commands/build/delete.js')),
      c('deploy', 'Creates and deploys a build.', () => import('../commands/build/deploy.js')),
      c('get', 'Downloads the source files of the specified build.', () => import('../commands/build/get.js')),
      c('info', 'Displays information about the specified build.', () => import('../commands/build/info.js')),
      c('list', 'Displays information about all or filtered builds.', () => import('../commands/build/list.js')),
      c('run', 'Creates, deploys and runs a build.', () => import('../commands/build/run.js')),
      c('update', 'Updates the specified build.', () => import('../commands/build/update.js')),
    ],
  },
  {
    name: 'device',
    summary: 'Device manipulation commands.',
    commands: [
      c('assign', 'Assigns the specified device to the Device Group.', () => import('../commands/device/assign.js')),
      c('info', 'Displays information about the specified device.', () => import('../commands/device/info.js')),
      c('list', 'Displays information about all or filtered devices.', () => import('../commands/device/list.js')),
      c('remove', 'Removes the specified Device from the current account.', () => import('../commands/device/remove.js')),
      c('restart', 'Reboots the specified device.', () => import('../commands/device/restart.js')),
      c('unassign', 'Unassigns the specified device.', () => import('../commands/device/unassign.js')),
      c('update', 'Updates the name of the specified device.', () => import('../commands/device/update.js')),
    ],
  },
  {
    name: 'dg',
    summary: 'Device Group manipulation commands.',
    commands: [
      c('builds', 'Updates/deletes builds of the specified Device Group.', () => import('../commands/dg/builds.js')),
      c('create', 'Creates a new Device Group for the specified Product.', () => import('../commands/dg/create.js')),
      c('delete', 'Deletes the specified Device Group.', () => import('../commands/dg/delete.js')),
      c('info', 'Displays information about the specified Device Group.', () => import('../commands/dg/info.js')),
      c('list', 'Displays information about all or filtered Device Groups.', () => import('../commands/dg/list.js')),
      c('reassign', 'Reassigns all of the devices from one Device Group to another.', () => import('../commands/dg/reassign.js')),
      c('restart', 'Reboots all of the devices assigned to the specified Device Group.', () => import('../commands/dg/restart.js')),
      c('unassign', 'Unassigns all of the devices from the specified Device Group.', () => import('../commands/dg/unassign.js')),
      c('update', 'Updates the specified Device Group.', () => import('../commands/dg/update.js')),
    ],
  },
  {
    name: 'log',
    summary: 'Logs manipulation commands.',
    commands: [
      c('get', 'Displays historical logs for the specified device.', () => import('../commands/log/get.js')),
      c('stream', 'Displays logs from the specified devices in real-time.', () => import('../commands/log/stream.js')),
    ],
  },
  {
    name: 'loginkey',
    summary: 'Login Key manipulation commands.',
    commands: [
      c('create', 'Creates a new login key.', () => import('../commands/loginkey/create.js')),
      c('delete', 'Deletes the specified login key.', () => import('../commands/loginkey/delete.js')),
      c('info', 'Displays information about the specified login key.', () => import('../commands/loginkey/info.js')),
      c('list', 'Displays information about all login keys.', () => import('../commands/loginkey/list.js')),
      c('update', "Updates the specified login key's description.", () => import('../commands/loginkey/update.js')),
    ],
  },
  {
    name: 'product',
    summary: 'Product manipulation commands.',
    commands: [
      c('create', 'Creates a new Product.', () => import('../commands/product/create.js')),
      c('delete', 'Deletes the specified Product.', () => import('../commands/product/delete.js')),
      c('info', 'Displays information about the specified Product.', () => import('../commands/product/info.js')),
      c('list', 'Displays information about all or filtered Products.', () => import('../commands/product/list.js')),
      c('update', 'Updates the specified Product.', () => import('../commands/product/update.js')),
    ],
  },
  {
    name: 'project',
    summary: 'Project manipulation commands.',
    commands: [
      c('create', 'Creates a new Device Group and a new Project file.', () => import('../commands/project/create.js')),
      c('delete', 'Deletes the Project file and related entities.', () => import('../commands/project/delete.js')),
      c('info', 'Displays information about the project.', () => import('../commands/project/info.js')),
      c('link', 'Creates a new Project file and links it to the specified Device Group.', () => import('../commands/project/link.js')),
      c('update', 'Updates the Project settings and/or related Device Group attributes.', () => import('../commands/project/update.js')),
    ],
  },
  {
    name: 'test',
    summary: 'Test manipulation commands.',
    commands: [
      c('create', 'Creates a test configuration file.', () => import('../commands/test/create.js')),
      c('delete', 'Deletes the test configuration file.', () => import('../commands/test/delete.js')),
      c('github', 'Creates or updates a GitHub credentials file.', () => import('../commands/test/github.js')),
      c('info', 'Displays information about the test configuration.', () => import('../commands/test/info.js')),
      c('run', 'Runs the tests specified by the test configuration file.', () => import('../commands/test/run.js')),
      c('update', 'Updates the test configuration file.', () => import('../commands/test/update.js')),
    ],
  },
  {
    name: 'webhook',
    summary: 'Webhook manipulation commands.',
    commands: [
      c('create', 'Creates a new webhook for the specified Device Group.', () => import('../commands/webhook/create.js')),
      c('delete', 'Deletes the specified webhook.', () => import('../commands/webhook/delete.js')),
      c('info', 'Displays information about the specified webhook.', () => import('../commands/webhook/info.js')),
      c('list', 'Displays information about all or filtered webhooks.', () => import('../commands/webhook/list.js')),
      c('update', 'Updates the specified webhook.', () => import('../commands/webhook/update.js')),
    ],
  },
];

export function findGroup(name: string): GroupEntry | undefined {
  return GROUPS.find((g) => g.name === name);
}

/**
 * The commands whose spec says `list: true` (`-z table`), as `group list`.
 * Named here so that a parse error can name them without loading every
 * command; test/unit/parse.test.ts checks it against the specs.
 */
export const LIST_COMMANDS: string[] = GROUPS.flatMap((g) => g.commands.filter((cmd) => cmd.name === 'list').map((cmd) => `${g.name} ${cmd.name}`));
