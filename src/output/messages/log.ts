// Literal messages of the `impt log` group.
export const logMessages = {};
