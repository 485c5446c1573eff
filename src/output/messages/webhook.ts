// Literal messages of the `impt webhook` group.
export const webhookMessages = {};
