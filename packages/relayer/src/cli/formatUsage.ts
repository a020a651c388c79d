import type { CliCommand, CliOption } from './types.js'

export type FormatUsageParameters = {
  commands: readonly CliCommand[]
  /** The command to describe; the whole CLI when absent. */
  command?: CliCommand | undefined
}

/**
 * Help text: the list of commands, or one command's usage and options.
 *
 * @example
 * context.stdout.write(formatUsage({ commands }))
 */
export function formatUsage({ commands, command }: FormatUsageParameters): string {
  if (command !== undefined) {
    const options: [string, CliOption][] = [
      ...Object.entries(command.options),
      ['help', HELP_OPTION],
    ]
    const synopsis = options
      .filter(([name]) => name !== 'help')
      .map(
        ([name, option]) =>
          `[--${name}${option.placeholder === undefined ? '' : ` ${option.placeholder}`}]`,
      )
    return [
      `Usage: ferry ${[...command.path, ...synopsis, ...(command.argument ? [command.argument.placeholder] : [])].join(' ')}`,
      '',
      `${command.summary}.`,
      ...(command.argument
        ? ['', `${command.argument.placeholder}: ${command.argument.description}`]
        : []),
      '',
      'Options:',
      ...table(options.map(([name, option]) => [optionLabel(name, option), option.description])),
      '',
      FOOTER,
    ].join('\n')
  }
  return [
    'Usage: ferry <command> [options]',
    '',
    "Ferry's validator and relayer.",
    '',
    'Commands:',
    ...table([
      ...commands.map((entry): [string, string] => [entry.path.join(' '), entry.summary]),
      ['help [command]', 'Show help, for every command or one'],
    ]),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'Show help'],
      ['--version', 'Print the version'],
    ]),
    '',
    FOOTER,
  ].join('\n')
}

/** The `--help` every command takes. */
export const HELP_OPTION: CliOption = { type: 'boolean', short: 'h', description: 'Show this help' }

const FOOTER = [
  'The config file is --config <file>, else $FERRY_CONFIG, else ./ferry.yaml; FERRY__<PATH>',
  'variables override its fields (e.g. FERRY__STORE__URL; see ferry.example.yaml).',
  'Exit codes: 0 ok, 1 bad config or usage, 2 runtime failure.',
  '',
].join('\n')

function optionLabel(name: string, option: CliOption): string {
  const long = `--${name}${option.placeholder === undefined ? '' : ` ${option.placeholder}`}`
  return option.short === undefined ? `    ${long}` : `-${option.short}, ${long}`
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
}
