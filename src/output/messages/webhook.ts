// Literal messages of the `impt webhook` group (interface/webhook.md): every
// sentence it prints is one of the common templates (created, updated,
// deleted, not found), so nothing is specific to the group.
export const webhookMessages = {};
