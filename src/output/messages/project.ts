// Literal messages of the `impt project` group (interface/project.md).
export const projectMessages = {
  overwrite: 'The current directory already contains Project File. It will be overwritten.',
  deviceFileCreated: (f: string) => `Device source file "${f}" is created successfully.`,
  agentFileCreated: (f: string) => `Agent source file "${f}" is created successfully.`,
  created: 'Project is created successfully.',
  linked: 'Project is linked successfully.',
  updated: 'Project is updated successfully.',
  deleted: 'Project is deleted successfully.',
  noProjectFile: 'There is no Project File in the current directory.',
  filesWillBeDeleted: 'The following files will be deleted:',
  sourceFilesList: (files: string[]) => `Device/agent source files: ${files.join(', ')}`,
  projectFileWillBeDeleted: 'Project File in the current directory will be deleted.',
  sourceFilesDeleted: (files: string[]) =>
    `Device/agent source files ${files.map((f) => `"${f}"`).join(', ')} are deleted successfully.`,
  cannotLink: (type: string) =>
    `Project can not be linked to Device Group of the type "${type}". Only "development" or "pre-factory" Device Groups are allowed.`,
  targetNotFound: (label: string, value: string) => `${label} Device Group "${value}" is not found.`,
  targetWrongType: (label: string, value: string, type: string, want: string) =>
    `${label} Device Group "${value}" is of the type "${type}" but must be of the type "${want}".`,
  targetOtherProduct: (label: string) => `${label} Device Group must be from the same Product.`,
  invalidTargetOption: (option: string, type: string) =>
    `Invalid option "--${option}" for Device Group of the type "${type}". It may be specified for "pre-factory" or "factory" Device Groups only.`,
  labels: {
    project: 'Project',
    deviceFile: 'Device file',
    agentFile: 'Agent file',
    productionTargetFor: 'Production Target for',
    dutTargetFor: 'DUT Target for',
  },
};
