// Literal messages of the `impt project` group.
export const projectMessages = {};
