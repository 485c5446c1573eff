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
 * Runs `impt «args»` on a terminal. The answers are typed in order, each one
 * once its question (`prompts[i]`, by default the yes/no one) has been
 * printed as many times as it was answered so far.
 */
export function answerOnTerminal(
  args: string[],
  opts: { cwd: string; home: string; answers: string[]; prompts?: string[] },
): Promise<TerminalResult> {
  const promptOf = (i: number) => opts.prompts?.[i] ?? YES_NO;
  const shown = (i: number) => {
    const prompt = promptOf(i);
    const before = opts.answers.slice(0, i + 1).filter((_, j) => promptOf(j) === prompt).length;
    return out.split(prompt).length - 1 >= before;
  };
  const child = spawnOnTerminal(args, { cwd: opts.cwd, home: opts.home });
  let out = '';
  let typed = 0;
  child.stdin.on('error', () => undefined); // the command may end before every answer is typed
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    while (typed < opts.answers.length && shown(typed)) child.stdin.write(`${opts.answers[typed++]}\r`);
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
