// Confirmations of the dg/product tests answered on a pseudo-terminal
// (util-linux `script`): each answer is typed once the yes/no question
// has been printed, and the output comes back without terminal escapes
// and spinner frames.
import { spawnOnTerminal, tempDir } from '../helpers/impt.js';

const QUESTION = "Enter 'y' (yes) or 'n' (no):";

export function answer(args: string[], home: string, answers: string[], cwd = tempDir()): Promise<{ text: string; code: number }> {
  const child = spawnOnTerminal(args, { cwd, home });
  let out = '';
  let typed = 0;
  child.stdin.on('error', () => undefined);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    // one answer per question shown so far
    const asked = out.split(QUESTION).length - 1;
    // typed a moment later: the prompt switches the terminal to raw mode after printing
    while (typed < Math.min(asked, answers.length)) {
      const a = answers[typed++]!;
      setTimeout(() => child.stdin.write(`${a}\r`), 300);
    }
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
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
