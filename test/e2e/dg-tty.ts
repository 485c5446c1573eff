// Confirmations of the dg/product tests answered on a pseudo-terminal.
import { tempDir } from '../helpers/impt.js';
import { answerOnTerminal, type TerminalResult } from '../helpers/terminal.js';

export function answer(args: string[], home: string, answers: string[], cwd = tempDir()): Promise<TerminalResult> {
  return answerOnTerminal(args, { cwd, home, answers });
}
