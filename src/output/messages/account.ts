// Literal messages of the `impt account` group (interface/account.md).
export const accountMessages = {
  type: 'Account',
};
