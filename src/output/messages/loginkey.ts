// Literal messages of the `impt loginkey` group (interface/loginkey.md).
export const loginkeyMessages = {
  type: 'Login Key',
  askPassword: 'Enter password: ',
  howPassword: 'pass --pwd (-w)',
  emptyPassword: 'Non empty "password" parameter required.',
};
