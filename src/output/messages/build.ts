// Literal messages of the `impt build` group (interface/build.md).
// Scripts grep these strings: change none of them.
export const buildMessages = {
  noCodeFile: (kind: 'device' | 'agent') => `--${kind}-file option is not specified, empty ${kind} code will be deployed.`,
  codeFileNotFound: (kind: 'device' | 'agent', file: string) => `File with IMP ${kind} source code "${file}" is not found.`,
  copied: (src: string, dst: string) => `${src} is copied successfully to ${dst}.`,
  downloaded: (e: string) => `${e} source file(s) are downloaded successfully.`,
  overwrite: (files: string[]) => `Source file(s) ${files.join(', ')} already exist. They will be overwritten.`,
  runSuccessful: (e: string) => `${e} is run successfully.`,
  minSupportedUpdated: (dg: string) => `Min supported Deployment for ${dg} is updated successfully.`,
  noDevices: (dg: string) => `${dg} does not have assigned Devices.`,
  restarted: (dg: string, conditional: boolean) =>
    `${conditional ? 'Conditional restart' : 'Restart'} request for Devices assigned to ${dg} is successful:`,
  notOfDg: (e: string, dg: string) => `${e} does not belong to ${dg}. Impossible to set it as Min supported Deployment.`,
  earlierMinSupported: 'Min supported Deployment cannot be set to an earlier Deployment than the current Min supported Deployment.',
  minSupportedOrNewer: (e: string, dg: string) => `Impossible to delete ${e}. It is the Min supported Deployment or newer for ${dg}.`,
};
