// Literal messages of the `impt test` group.
export const testMessages = {};
