// Literal messages of the `impt auth` group.
export const authMessages = {};
