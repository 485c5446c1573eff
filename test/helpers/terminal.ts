// Questions answered on a pseudo-terminal (util-linux `script`): each answer
// is typed once its question has been printed. The prompt switches the
// terminal to raw mode before it draws the question, so the answer can be
// typed at once; nothing waits for a fixed time.
import { spawnOnTerminal } from './impt.js';

export const YES_NO = "Enter 'y' (yes) or 'n' (no):";

export interface TerminalResult {
  /** output without ANSI sequences, carriage returns and spinner frames */
  text: string;
  code: number;
}

/**
 * Runs `impt «args»` on a terminal. The answers are typed in order: the
 * first once its question (`prompts[i]`, by default the yes/no one) has been
 * printed, each next one once its question has been printed on a line after
 * the previous answer was taken (the prompt redraws its line, question
 * included, at every key typed: a question on the same line is no new one).
 */
export function answerOnTerminal(
  args: string[],
  opts: { cwd: string; home: string; answers: string[]; prompts?: string[] },
): Promise<TerminalResult> {
  const promptOf = (i: number) => opts.prompts?.[i] ?? YES_NO;
  // where the output stood when each answer was typed
  const typedAt: number[] = [];
  const shown = (i: number) => {
    if (i === 0) return out.includes(promptOf(0));
    const since = out.slice(typedAt[i - 1]);
    const taken = since.indexOf('\n');
    return taken >= 0 && since.slice(taken).includes(promptOf(i));
  };
  const child = spawnOnTerminal(args, { cwd: opts.cwd, home: opts.home });
  let out = '';
  let typed = 0;
  child.stdin.on('error', () => undefined); // the command may end before every answer is typed
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    while (typed < opts.answers.length && shown(typed)) {
      typedAt.push(out.length);
      child.stdin.write(`${opts.answers[typed++]}\r`);
    }
  });
  // a guard against a hung impt, not a limit on a slow one
  const killer = setTimeout(() => child.kill('SIGKILL'), 300_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      const text = out
        .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
        .replace(/\r/g, '')
        // the progress spinner (stderr is the terminal too)
        .replace(/[|/\\-] Contacting impCentral\.\.\./g, '');
      resolve({ text, code: code ?? -1 });
    });
  });
}
