// Literal messages of the `impt product` group.
export const productMessages = {};
