// Literal messages of the `impt account` group.
export const accountMessages = {};
