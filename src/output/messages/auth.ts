// Literal messages of the `impt auth` group (interface/auth.md).
export type AuthFileScope = 'Global' | 'Local';

export const authMessages = {
  loginSucceeded: (scope: AuthFileScope) => `${scope} login is successful.`,
  logoutSucceeded: (scope: AuthFileScope) => `${scope} logout is successful.`,
  fileExists: (scope: AuthFileScope) => `The ${scope} Auth File already exists. It will be overwritten.`,
  /** `Global Auth` / `Local Auth`, as in `Global Auth File is not found.` */
  fileWhat: (scope: AuthFileScope) => `${scope} Auth`,
  chooseMethod: 'Choose authentication method:',
  methods: ['User/Password', 'Login Key'] as const,
  askUser: 'Enter username or email address: ',
  askPassword: 'Enter password: ',
  askLoginKey: 'Enter Login Key: ',
  askOtp: 'Enter one-time password: ',
  /** how to avoid each prompt in non-interactive use (DIFFERENCES F1) */
  howCredentials: 'pass --user (-u) and --pwd (-w), or --lk (-k),',
  howPassword: 'pass --pwd (-w)',
  howLoginKey: 'pass --lk (-k)',
  howOtp: 'log in with a login key (--lk)',
};

/** Keys and values of the `Auth` object of `auth info`, in display order. */
export const authInfo = {
  key: 'Auth',
  authType: 'Auth type',
  endpoint: 'impCentral API endpoint',
  autoRefresh: 'Access token auto refresh',
  loginMethod: 'Login method',
  accessToken: 'Access token',
  username: 'Username',
  email: 'Email',
  accountId: 'Account id',
  methodLoginKey: 'Login Key',
  methodPassword: 'User/Password',
  expired: 'expired',
  expiresIn: (minutes: number) => `expires in ${minutes} minutes`,
};
