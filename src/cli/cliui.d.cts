declare function cliui(opts: { width: number; wrap?: boolean }): {
  div(...cols: Array<string | { text: string; width?: number; padding?: number[]; align?: 'left' | 'right' | 'center' }>): void;
  span(...cols: Array<string | { text: string; width?: number; padding?: number[]; align?: 'left' | 'right' | 'center' }>): void;
  toString(): string;
};
export = cliui;
