// Literal messages of the `impt dg` group.
export const dgMessages = {};
