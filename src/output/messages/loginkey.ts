// Literal messages of the `impt loginkey` group.
export const loginkeyMessages = {};
