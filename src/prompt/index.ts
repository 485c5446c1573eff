// Every question impt asks goes through here. With no terminal to answer,
// nothing waits: the command fails at once, naming the option that answers
// the question in advance (DIFFERENCES F1).
import { Writable } from 'node:stream';
import { CanceledError, CliError } from '../errors.js';
import { errors, prompt as text } from '../output/messages/common.js';
import type { Printer, Terminal } from '../output/printer.js';

/**
 * Whether the lines shown before a question (summaries) are printed: always
 * with a terminal; without one they still give the F1 error its context,
 * except in json mode, which prints one JSON document.
 */
export function showsQuestionContext(out: Printer): boolean {
  return out.canPrompt || !out.isJson;
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

// The prompt line starts at the first column: an empty-string prefix would
// still be joined to the question with a space, an absent one is left out.
const NO_PREFIX = { idle: undefined, done: undefined } as unknown as string;

/**
 * The command's terminal (its stdin and stdout, not necessarily the
 * process's). A prompt ends its output when it is answered: it gets a
 * stream of its own that writes on to stdout and leaves it open.
 */
function terminalOf(out: Printer): Terminal {
  const terminal = out.terminal;
  if (!terminal) throw new Error('no terminal to ask on');
  const stdout = terminal.output as NodeJS.WritableStream & { columns?: number; rows?: number; isTTY?: boolean };
  const output = new Writable({
    write: (chunk: Buffer | string, _enc, done) => void stdout.write(chunk, () => done()),
  });
  // the prompt lays its lines out for the terminal's width
  for (const key of ['columns', 'rows', 'isTTY'] as const) Object.defineProperty(output, key, { get: () => stdout[key] });
  return { input: terminal.input, output };
}

/**
 * Runs a prompt on the command's terminal; Ctrl-C cancels it. The prompt
 * reads the terminal in raw mode, where Ctrl-C is a key and the terminal
 * does not echo it: `^C` is echoed here, as on a terminal in cooked mode
 * (README §8.1).
 */
async function prompting<T>(out: Printer, show: (terminal: Terminal) => Promise<T>): Promise<T> {
  const terminal = terminalOf(out);
  const onKey = (_: unknown, key?: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl && key.name === 'c') terminal.output.write('^C');
  };
  terminal.input.on('keypress', onKey);
  try {
    return await show(terminal);
  } catch (e) {
    if (isAbort(e)) throw new CanceledError();
    throw e;
  } finally {
    terminal.input.off('keypress', onKey);
  }
}

/** One line typed by the user, the prompt drawn at the first column. */
async function readAnswer(out: Printer, question: string): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  return prompting(out, (terminal) =>
    input({ message: question.replace(/: $/, ':'), theme: { prefix: NO_PREFIX, style: { message: (t: string) => t } } }, terminal),
  );
}

/**
 * Asks until the answer is valid. An invalid answer is followed by an empty
 * line (as every answer is) and `Invalid value!`, then only the prompt line
 * is asked again, as impt 2.6.1 does (a validate callback would keep the
 * typed text).
 */
async function ask(question: string, validate: (v: string) => boolean, out: Printer): Promise<string> {
  for (;;) {
    const answer = await readAnswer(out, question);
    if (validate(answer.trim())) return answer;
    out.dialog('');
    out.dialog(text.invalid);
  }
}

/**
 * `Are you sure you want to continue?` — throws CanceledError on "no".
 * `message` lines are printed first (in every output mode; without a
 * terminal in every mode but json, before the F1 error).
 */
export async function confirm(out: Printer, message?: string): Promise<void> {
  // the context comes first, as in impt 2.6.1 (README §8.5), also when no
  // one can answer; json mode keeps its one document
  if (message && showsQuestionContext(out)) out.dialog(message);
  if (!out.canPrompt) throw new CliError(errors.confirmationRequired);
  out.dialog(text.areYouSure);
  const answer = await ask(text.yesNo, (v) => /^(y|n)$/i.test(v), out);
  out.dialog('');
  if (answer.trim().toLowerCase() !== 'y') throw new CanceledError();
}

/** Hidden input (password, one-time password, login key). */
export async function askSecret(out: Printer, question: string, missingHint: string): Promise<string> {
  if (!out.canPrompt) {
    const what = question.replace(/^Enter /, '').replace(/: $/, '');
    throw new CliError(errors.inputRequired(what.charAt(0).toUpperCase() + what.slice(1), missingHint));
  }
  const { password } = await import('@inquirer/prompts');
  return prompting(out, (terminal) =>
    password(
      {
        message: question.replace(/: $/, ':'),
        // hidden input, drawn like the other prompts: no prefix, no hint
        theme: { prefix: NO_PREFIX, style: { message: (t: string) => t, help: () => '' } },
      },
      terminal,
    ),
  );
}

/** Echoed free-text input. */
export async function askText(out: Printer, question: string, missingHint: string): Promise<string> {
  if (!out.canPrompt) {
    const what = question.replace(/^Enter /, '').replace(/: $/, '');
    throw new CliError(errors.inputRequired(what.charAt(0).toUpperCase() + what.slice(1), missingHint));
  }
  return readAnswer(out, question);
}

/** Numeric choice: `Enter 1 or 2: `. Returns the chosen number. */
export async function choose(out: Printer, title: string, options: string[], missingHint: string): Promise<number> {
  if (!out.canPrompt) throw new CliError(errors.inputRequired('A choice', missingHint));
  out.dialog(title);
  options.forEach((o, i) => out.dialog(`  (${i + 1}) ${o}`));
  out.dialog('');
  const numbers = options.map((_, i) => String(i + 1));
  const question = `Enter ${numbers.slice(0, -1).join(', ')} or ${numbers[numbers.length - 1]}: `;
  const answer = await ask(question, (v) => numbers.includes(v), out);
  out.dialog('');
  return Number(answer.trim());
}
