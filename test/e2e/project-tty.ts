// Runs the built impt inside a pseudo-terminal (util-linux `script`), so that
// its confirmations can be answered: once the prompt `Enter 'y' (yes) or 'n'
// (no):` appears, the answers are typed one after the other.
import { spawn } from 'node:child_process';
import { cleanEnv, IMPT_BIN } from '../helpers/impt.js';

export interface TtyResult {
  /** output with ANSI sequences and carriage returns removed */
  text: string;
  code: number;
}

const PROMPT = "Enter 'y' (yes) or 'n' (no):";
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function imptTty(args: string[], opts: { cwd: string; home: string; answers: string[] }): Promise<TtyResult> {
  const command = [process.execPath, IMPT_BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: opts.cwd,
      env: cleanEnv({ HOME: opts.home, TERM: 'dumb' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let raw = '';
    let started = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      raw += d;
      if (started || !raw.includes(PROMPT)) return;
      started = true;
      // typed one after the other, as a person would
      opts.answers.forEach((a, i) => setTimeout(() => child.stdin.write(`${a}\r`), 200 + 300 * i));
    });
    child.stdin.on('error', () => undefined); // the command may end before every answer is typed
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = raw
        .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
        .replace(/\r/g, '');
      resolve({ text, code: code ?? -1 });
    });
  });
}
