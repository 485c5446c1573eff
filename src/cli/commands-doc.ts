// The command manual docs/commands.md, generated from the command specs
// (the registry's groups and each command's `spec`): the same source as the
// parser and the help texts. scripts/commands-doc.mjs writes the file;
// test/unit/commands-doc.test.ts fails when it is out of date.
import { synopsis } from './help.js';
import { allOptions } from './options.js';
import { GROUPS } from './registry.js';
import { HELP_DESCRIBE_COMMAND, type CommandSpec, type OptionSpec } from './spec.js';

const HEAD = `# impt commands

<!-- Generated from the command specs by \`node scripts/commands-doc.mjs\`; do not edit by hand. -->

Every command of impt, with its options, as \`impt <group> <command> --help\`
describes them. Every command also takes \`--help\` (\`-h\`): ${HELP_DESCRIBE_COMMAND}
Options take their values as the next word or after \`=\` (\`--name=x\`); an
option's camelCase form is accepted too (\`--device-file\` / \`--deviceFile\`).
\`-z table\` is accepted by the list commands only (docs/differences.md A1).
\`impt completion bash|zsh|fish\` prints a shell completion script (docs/differences.md A5).
`;

/** A table cell: one line (the line breaks some help texts carry become spaces), no column separators. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ');
}

function valueText(o: OptionSpec): string {
  switch (o.kind) {
    case 'flag':
      return 'flag';
    case 'bool':
      return '`true` | `false` (no value: `true`)';
    case 'number':
      return 'positive integer';
    case 'array':
      return `${o.usage ? `\`${o.usage}\`` : 'value'}, repeatable`;
    case 'choice':
      return `${o.choices!.map((c) => `\`${c}\``).join(', ')}${o.repeatable ? '; repeatable' : ''}`;
    case 'string-optional':
      return `${o.usage ? `\`${o.usage}\`` : 'value'} (may be empty or absent)`;
    case 'string-empty':
      return `${o.usage ? `\`${o.usage}\`` : 'value'} (may be empty)`;
    default:
      return o.usage ? `\`${o.usage}\`` : 'value';
  }
}

function optionRow(o: OptionSpec): string {
  const names = `\`--${o.name}\`${o.alias ? `, \`-${o.alias}\`` : ''}`;
  const notes = [o.required ? 'required' : '', o.default !== undefined ? `default \`${o.default}\`` : ''].filter(Boolean).join(', ');
  return `| ${names} | ${cell(valueText(o))} | ${notes} | ${cell(o.describe)} |`;
}

function commandSection(spec: CommandSpec): string {
  const lines = [
    `### impt ${spec.group} ${spec.name}`,
    '',
    spec.description,
    '',
    '```',
    `impt ${spec.group} ${spec.name} ${spec.usage ?? synopsis(spec)}`,
    '```',
    '',
    '| option | value | notes | description |',
    '| --- | --- | --- | --- |',
    ...allOptions(spec)
      .filter((o) => !o.hidden)
      .map(optionRow),
  ];
  return lines.join('\n');
}

/** The text of docs/commands.md. */
export async function commandsDoc(): Promise<string> {
  const parts = [HEAD, '## Contents', ''];
  for (const g of GROUPS) {
    parts.push(`- [impt ${g.name}](#impt-${g.name}) — ${g.summary}`);
  }
  for (const g of GROUPS) {
    parts.push('', `## impt ${g.name}`, '', g.summary, '');
    for (const c of g.commands) parts.push(`- [impt ${g.name} ${c.name}](#impt-${g.name}-${c.name}) — ${c.summary}`);
    for (const c of g.commands) {
      const { spec } = await c.load();
      parts.push('', commandSection(spec));
    }
  }
  return `${parts.join('\n')}\n`;
}
