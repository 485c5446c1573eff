// Literal messages shared by every command group (interface/README.md §7, §15).
// Scripts grep these strings: change none of them.
export const SUCCEEDS = 'IMPT COMMAND SUCCEEDS';
export const FAILS = 'IMPT COMMAND FAILS';
export const VERSION = '2.6.1';

export const parse = {
  specifyCommand: 'Please specify a valid command.',
  unknownArgument: (names: string[]) => `Unknown argument${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
  extraPositionals: (names: string[]) => `Unknown arguments: ${names.join(', ')}.`,
  notEnoughArguments: (key: string) => `Not enough arguments following: ${key}`,
  missingRequired: (names: string[]) => `Missing required argument${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
  invalidValues: (name: string, given: string[], choices: string[]) =>
    `Invalid values:\n  Argument: ${name}, Given: ${given.map((g) => JSON.stringify(g)).join(', ')}, Choices: ${choices
      .map((c) => JSON.stringify(c))
      .join(', ')}`,
  empty: (name: string) => `Option "--${name}" must not be empty.`,
  multiple: (name: string) => `Option "--${name}" must not be specified multiple times.`,
  incorrectValue: (name: string, value: string) => `Option "--${name}" has incorrect value "${value}".`,
  notNumber: (name: string) => `Option "--${name}" must be a number.`,
  notPositiveInteger: (name: string) => `Option "--${name}" must have a positive integer value.`,
  mutuallyExclusive: (a: string, b: string) => `Options "--${a}" and "--${b}" are mutually exclusive.`,
  together: (a: string, b: string) => `Options "--${a}" and "--${b}" must be specified together.`,
  eitherOption: (a: string, b: string) => `Either "--${a}" or "--${b}" option must be specified.`,
  optionsWith: (a: string, b: string, c: string) => `Options "--${a}" or "--${b}" must be specified together with "--${c}".`,
  mustBeSpecified: (a: string) => `Option "--${a}" must be specified.`,
  tableOnlyInLists: (commands: string[]) =>
    `Option "--output" value "table" is accepted by the list commands only: ${commands.map((c) => `impt ${c}`).join(', ')}.`,
};

/** `«Type» "«identifier»"` — how every message names an entity. */
export const entity = (type: string, ident: string) => `${type} "${ident}"`;

export const info = {
  created: (e: string) => `${e} is created successfully.`,
  updated: (e: string) => `${e} is updated successfully.`,
  deleted: (e: string) => `${e} is deleted successfully.`,
  removed: (e: string) => `${e} is removed successfully.`,
  alreadyDeleted: (e: string) => `${e} is already deleted.`,
  unassigned: (e: string) => `${e} is unassigned successfully.`,
  alreadyUnassigned: (e: string) => `${e} is already unassigned.`,
  listHeader: (type: string, n: number) => `${type} list (${n} items):`,
  noneFound: (type: string) => `No ${type}s are found.`,
  impossible: 'Impossible to execute the command.',
  canceled: 'Operation is canceled.',
  relogin: (local: boolean) => `Please relogin using "impt auth login${local ? ' --local' : ''}" command and then try again.`,
  login: (local: boolean) => `Please login using "impt auth login${local ? ' --local' : ''}" command and then try again.`,
  deleteOutdatedProject: 'Use "impt project delete" command to delete the outdated Project.',
  andMore: (n: number, type: string) => `And ${n} more ${type}(s).`,
  moreItems: (n: number, type: string) => `... ${n} more ${type}(s)`,
  meta: (title: string, detail: string) => `${title}: ${detail}`,
  metaLine: (file: string, type: string, row: string, column: string, text: string) =>
    `${file} ${type} (line ${row}, column ${column}): ${text}`,
};

export const errors = {
  notLoggedIn: 'You are not logged in.',
  fileNotFound: (what: string) => `${what} File is not found.`,
  fileCorrupted: (what: string) => `${what} File is corrupted.`,
  fileNotInCwd: (what: string) => `${what} File is not found in the current directory.`,
  tokenExpired: (what: string) =>
    `Access token is expired for the ${what} File. Information required to refresh access token is not saved.`,
  refreshImpossible: (what: string) => `Impossible to refresh access token for the ${what} File.`,
  projectDgGone: (id: string) => `Device Group "${id}", saved in Project File, does not exist anymore.`,
  network: 'Access to impCentral failed or timed out. Please check your network connection.',
  mayHaveBeenCarriedOut: (check: string) =>
    `Access to impCentral failed or timed out before its answer came: the request may have been carried out; check with "${check}".`,
  rateLimited: 'The impCentral API rate limit was hit and the request could not be completed in 60 seconds; try again later.',
  notFound: (e: string) => `${e} is not found.`,
  multiple: (type: string, ident: string) => `Multiple ${type}s "${ident}" are found:`,
  multipleNoIdent: (type: string) => `Multiple ${type}s are found:`,
  noIdentifier: (type: string) => `No ${type} Identifier is specified.`,
  corruptedRelated: (e: string, relType: string, id: string) =>
    `Unexpected state. ${e} is related to corrupted ${relType} "${id}" which does not exist.`,
  internal: (what: string) => `Internal error: ${what}.`,
  unexpectedResponse: 'Internal error: Unexpected format of impCentral response.',
  httpStatus: (status: number) => `impCentral answered with HTTP status ${status} and no error description.`,
  fileError: (file: string, what: string) => `File error: ${file}: ${what}.`,
  notRegularFile: 'not a regular file, nothing is deleted',
  confirmationRequired: 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.',
  inputRequired: (what: string, how: string) => `${what} is required; ${how} in non-interactive use.`,
};

export const prompt = {
  areYouSure: 'Are you sure you want to continue?',
  yesNo: "Enter 'y' (yes) or 'n' (no): ",
  invalid: 'Invalid value!',
};

export const deletePlan = {
  willBeDeleted: 'The following entities will be deleted:',
  willBeUnassigned: 'The following Devices will be unassigned from Device Groups:',
  willBeRemoved: 'The following Devices will be removed from the account:',
  willBeUnflagged:
    'The following Deployments are marked "flagged" to prevent deleting. They will be modified by setting "flagged" attribute to false:',
};

export const logStream = {
  opened: (ids: string) => `Log stream for Device(s) ${ids} is opened.`,
  pressCtrlC: 'Press <Ctrl-C> to exit.',
  closed: 'The log stream is closed.',
  lost: 'The log stream is lost. Trying to reconnect...',
};

/**
 * The command that shows whether a change whose answer was lost was made,
 * per request (method and path of the impCentral API); `$1` is the entity id
 * of the path. Requests not listed (restarts, log streams, logins) are
 * reported as plain network failures. A login key update names no key: the
 * id is the key itself.
 */
const LOST_ANSWER_CHECKS: Array<[method: string, path: RegExp, check: string]> = [
  ['POST', /^\/products$/, 'impt product list'],
  ['POST', /^\/devicegroups$/, 'impt dg list'],
  ['POST', /^\/deployments$/, 'impt build list'],
  ['POST', /^\/webhooks$/, 'impt webhook list'],
  ['POST', /^\/accounts\/me\/login_keys$/, 'impt loginkey list'],
  ['POST', /^\/devicegroups\/([^/]+)\/relationships\/devices$/, 'impt device list --dg $1'],
  ['PATCH', /^\/products\/([^/]+)$/, 'impt product info --product $1'],
  ['PATCH', /^\/devicegroups\/([^/]+)$/, 'impt dg info --dg $1'],
  ['PATCH', /^\/deployments\/([^/]+)$/, 'impt build info --build $1'],
  ['PATCH', /^\/devices\/([^/]+)$/, 'impt device info --device $1'],
  ['PATCH', /^\/webhooks\/([^/]+)$/, 'impt webhook info --wh $1'],
  ['PATCH', /^\/accounts\/me\/login_keys\/[^/]+$/, 'impt loginkey list'],
];

/** `impt …` to run after the answer to `method path` was lost; undefined when there is nothing to check. */
export function lostAnswerCheck(method: string, path: string): string | undefined {
  for (const [m, re, check] of LOST_ANSWER_CHECKS) {
    if (m !== method) continue;
    const match = re.exec(path);
    if (match) return check.replace('$1', decodeURIComponent(match[1] ?? ''));
  }
  return undefined;
}
