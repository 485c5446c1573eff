// Literal messages of the `impt dg` group (interface/dg.md, README §7, §15).
// `e`, `dg`, `from`, `to` are entity strings built with `entity()`.
export const dgMessages = {
  /** parse-time: factory types need both targets */
  mustBeSpecifiedForType: (option: string, type: string) =>
    `Option "--${option}" must be specified for Device Group of type "${type}".`,
  invalidOptionForType: (option: string, type: string, a: string, b: string) =>
    `Invalid option "--${option}" for Device Group of the type "${type}". It may be specified for "${a}" or "${b}" Device Groups only.`,
  /** `label` = `Production Target` / `DUT Target` */
  targetNotFound: (label: string, e: string) => `${label} ${e} is not found.`,
  targetWrongType: (label: string, e: string, actual: string, expected: string) =>
    `${label} ${e} is of the type "${actual}" but must be of the type "${expected}".`,
  targetOtherProduct: (label: string) => `${label} Device Group must be from the same Product.`,
  notBelongToDg: (build: string, dg: string) =>
    `${build} does not belong to ${dg}. Impossible to set it as Min supported Deployment.`,
  minEarlier: 'Min supported Deployment cannot be set to an earlier Deployment than the current Min supported Deployment.',
  minUpdated: (dg: string) => `Min supported Deployment for ${dg} is updated successfully.`,
  /** printed on stderr before the parser's message */
  invalidJson: (value: string) => `Invalid JSON string: ${value}`,
  noDevices: (dg: string) => `${dg} does not have assigned Devices.`,
  restarted: (dg: string, conditional: boolean) =>
    `${conditional ? 'Conditional restart' : 'Restart'} request for Devices assigned to ${dg} is successful:`,
  unassignedFrom: (dg: string) => `The following Devices are unassigned successfully from ${dg}:`,
  reassigned: (from: string, to: string) => `The following Devices assigned to ${from} are reassigned successfully to ${to}:`,
  noFlagged: (dg: string) => `No "flagged" Deployments are found for ${dg}.`,
  noDeletable: (dg: string) => `No Deployments that can be deleted are found for ${dg}.`,
  /** labels of the related blocks of a Device Group */
  labels: {
    product: 'Product',
    current: 'Current Deployment',
    min: 'Min supported Deployment',
    productionTarget: 'Production Target',
    dutTarget: 'DUT Target',
    productionTargetFor: 'Production Target for',
    dutTargetFor: 'DUT Target for',
    webhooks: 'Webhooks',
    devices: 'Devices',
    deviceGroups: 'Device Groups',
  },
};
