// Literal messages of the `impt build` group.
export const buildMessages = {};
