// Generated from the command specs by `node scripts/commands-registry.mjs`; do not edit by hand.
// The name and summary of every command, so that `impt --help`, `impt <group> --help`
// and `impt --version` load no command module; each command is imported when it runs.
import type { CommandEntry } from './registry.js';

export const COMMANDS: Record<string, CommandEntry[]> = {
  account: [
    { name: 'info', summary: 'Displays information about the specified account.', load: () => import('../commands/account/info.js') },
    { name: 'list', summary: 'Displays information about all available accounts.', list: true, load: () => import('../commands/account/list.js') },
  ],
  auth: [
    { name: 'info', summary: 'Displays the status and the details of the authentication applicable to the current directory.', load: () => import('../commands/auth/info.js') },
    { name: 'login', summary: 'Creates the global or local auth file.', load: () => import('../commands/auth/login.js') },
    { name: 'logout', summary: 'Deletes the global or local auth file.', load: () => import('../commands/auth/logout.js') },
  ],
  build: [
    { name: 'cleanup', summary: 'Deletes builds which are not related to any Device Group.', load: () => import('../commands/build/cleanup.js') },
    { name: 'copy', summary: 'Copies the specified build to the specified Device Group.', load: () => import('../commands/build/copy.js') },
    { name: 'delete', summary: 'Deletes the specified build.', load: () => import('../commands/build/delete.js') },
    { name: 'deploy', summary: 'Creates and deploys a build.', load: () => import('../commands/build/deploy.js') },
    { name: 'get', summary: 'Downloads the source files of the specified build.', load: () => import('../commands/build/get.js') },
    { name: 'info', summary: 'Displays information about the specified build.', load: () => import('../commands/build/info.js') },
    { name: 'list', summary: 'Displays information about all or filtered builds.', list: true, load: () => import('../commands/build/list.js') },
    { name: 'run', summary: 'Creates, deploys and runs a build.', load: () => import('../commands/build/run.js') },
    { name: 'update', summary: 'Updates the specified build.', load: () => import('../commands/build/update.js') },
  ],
  device: [
    { name: 'assign', summary: 'Assigns the specified device to the Device Group.', load: () => import('../commands/device/assign.js') },
    { name: 'info', summary: 'Displays information about the specified device.', load: () => import('../commands/device/info.js') },
    { name: 'list', summary: 'Displays information about all or filtered devices.', list: true, load: () => import('../commands/device/list.js') },
    { name: 'remove', summary: 'Removes the specified Device from the current account.', load: () => import('../commands/device/remove.js') },
    { name: 'restart', summary: 'Reboots the specified device.', load: () => import('../commands/device/restart.js') },
    { name: 'unassign', summary: 'Unassigns the specified device.', load: () => import('../commands/device/unassign.js') },
    { name: 'update', summary: 'Updates the name of the specified device.', load: () => import('../commands/device/update.js') },
  ],
  dg: [
    { name: 'builds', summary: 'Updates/deletes builds of the specified Device Group.', load: () => import('../commands/dg/builds.js') },
    { name: 'create', summary: 'Creates a new Device Group for the specified Product.', load: () => import('../commands/dg/create.js') },
    { name: 'delete', summary: 'Deletes the specified Device Group.', load: () => import('../commands/dg/delete.js') },
    { name: 'info', summary: 'Displays information about the specified Device Group.', load: () => import('../commands/dg/info.js') },
    { name: 'list', summary: 'Displays information about all or filtered Device Groups.', list: true, load: () => import('../commands/dg/list.js') },
    { name: 'reassign', summary: 'Reassigns all of the devices from one Device Group to another.', load: () => import('../commands/dg/reassign.js') },
    { name: 'restart', summary: 'Reboots all of the devices assigned to the specified Device Group.', load: () => import('../commands/dg/restart.js') },
    { name: 'unassign', summary: 'Unassigns all of the devices from the specified Device Group.', load: () => import('../commands/dg/unassign.js') },
    { name: 'update', summary: 'Updates the specified Device Group.', load: () => import('../commands/dg/update.js') },
  ],
  log: [
    { name: 'get', summary: 'Displays historical logs for the specified device.', load: () => import('../commands/log/get.js') },
    { name: 'stream', summary: 'Displays logs from the specified devices in real-time.', load: () => import('../commands/log/stream.js') },
  ],
  loginkey: [
    { name: 'create', summary: 'Creates a new login key.', load: () => import('../commands/loginkey/create.js') },
    { name: 'delete', summary: 'Deletes the specified login key.', load: () => import('../commands/loginkey/delete.js') },
    { name: 'info', summary: 'Displays information about the specified login key.', load: () => import('../commands/loginkey/info.js') },
    { name: 'list', summary: 'Displays information about all login keys.', list: true, load: () => import('../commands/loginkey/list.js') },
    { name: 'update', summary: "Updates the specified login key's description.", load: () => import('../commands/loginkey/update.js') },
  ],
  product: [
    { name: 'create', summary: 'Creates a new Product.', load: () => import('../commands/product/create.js') },
    { name: 'delete', summary: 'Deletes the specified Product.', load: () => import('../commands/product/delete.js') },
    { name: 'info', summary: 'Displays information about the specified Product.', load: () => import('../commands/product/info.js') },
    { name: 'list', summary: 'Displays information about all or filtered Products.', list: true, load: () => import('../commands/product/list.js') },
    { name: 'update', summary: 'Updates the specified Product.', load: () => import('../commands/product/update.js') },
  ],
  project: [
    { name: 'create', summary: 'Creates a new Device Group and a new Project file.', load: () => import('../commands/project/create.js') },
    { name: 'delete', summary: 'Deletes the Project file and related entities.', load: () => import('../commands/project/delete.js') },
    { name: 'info', summary: 'Displays information about the project.', load: () => import('../commands/project/info.js') },
    { name: 'link', summary: 'Creates a new Project file and links it to the specified Device Group.', load: () => import('../commands/project/link.js') },
    { name: 'update', summary: 'Updates the Project settings and/or related Device Group attributes.', load: () => import('../commands/project/update.js') },
  ],
  test: [
    { name: 'create', summary: 'Creates a test configuration file.', load: () => import('../commands/test/create.js') },
    { name: 'delete', summary: 'Deletes the test configuration file.', load: () => import('../commands/test/delete.js') },
    { name: 'github', summary: 'Creates or updates a GitHub credentials file.', load: () => import('../commands/test/github.js') },
    { name: 'info', summary: 'Displays information about the test configuration.', load: () => import('../commands/test/info.js') },
    { name: 'run', summary: 'Runs the tests specified by the test configuration file.', load: () => import('../commands/test/run.js') },
    { name: 'update', summary: 'Updates the test configuration file.', load: () => import('../commands/test/update.js') },
  ],
  webhook: [
    { name: 'create', summary: 'Creates a new webhook for the specified Device Group.', load: () => import('../commands/webhook/create.js') },
    { name: 'delete', summary: 'Deletes the specified webhook.', load: () => import('../commands/webhook/delete.js') },
    { name: 'info', summary: 'Displays information about the specified webhook.', load: () => import('../commands/webhook/info.js') },
    { name: 'list', summary: 'Displays information about all or filtered webhooks.', list: true, load: () => import('../commands/webhook/list.js') },
    { name: 'update', summary: 'Updates the specified webhook.', load: () => import('../commands/webhook/update.js') },
  ],
};
