// Literal messages of the `impt device` group.
export const deviceMessages = {};
