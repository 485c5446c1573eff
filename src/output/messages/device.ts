// Literal messages of the `impt device` group (interface/device.md, README §7).
// `d` and `g` are already formatted entities: `Device "«ident»"`.
export const deviceMessages = {
  assigned: (d: string, g: string) => `${d} is assigned successfully to ${g}.`,
  alreadyAssigned: (d: string, g: string) => `${d} is already assigned to ${g}.`,
  willBeReassigned: (d: string, g: string) => `${d} is assigned to another Device Group. It will be reassigned to ${g}.`,
  restarted: (d: string) => `Restart request for ${d} is successful.`,
  conditionallyRestarted: (d: string) => `Conditional restart request for ${d} is successful.`,
};
