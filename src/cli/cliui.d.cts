declare function cliui(opts: { width: number; wrap?: boolean }): {
  readonly width: number;
  div(...cols: Array<string | { text: string; width?: number; padding?: number[]; align?: 'left' | 'right' | 'center' }>): void;
  span(...cols: Array<string | { text: string; width?: number; padding?: number[]; align?: 'left' | 'right' | 'center' }>): void;
  toString(): string;
};
export = cliui;
