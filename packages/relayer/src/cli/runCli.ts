import { parseArgs } from 'node:util'
import { formatUsage, HELP_OPTION } from './formatUsage.js'
import { type CliCommand, type CliContext, ExitCode } from './types.js'

/**
 * Runs one `ferry` invocation: picks the command whose words lead `argv`, parses its options
 * strictly (an unknown or malformed option is a usage error), and runs it. `help`, `--help` and
 * `--version` are handled here. Returns the exit code; usage errors print the relevant usage to
 * stderr and return 1.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), context, commands)
 */
export async function runCli(
  argv: readonly string[],
  context: CliContext,
  commands: readonly CliCommand[],
): Promise<number> {
  const usageError = (message: string, command?: CliCommand): number => {
    context.stderr.write(`ferry: ${message}\n\n${formatUsage({ commands, command })}`)
    return ExitCode.usage
  }
  const [first] = argv
  if (first === undefined) return usageError('missing command')
  if (first === '--version') {
    context.stdout.write(`${context.version}\n`)
    return ExitCode.ok
  }
  if (first === '--help' || first === '-h') {
    context.stdout.write(formatUsage({ commands }))
    return ExitCode.ok
  }
  if (first === 'help') {
    const words = argv.slice(1)
    if (words.length === 0) {
      context.stdout.write(formatUsage({ commands }))
      return ExitCode.ok
    }
    const command = commands.find((entry) => sameWords(entry.path, words))
    if (command === undefined) return usageError(`unknown command "${words.join(' ')}"`)
    context.stdout.write(formatUsage({ commands, command }))
    return ExitCode.ok
  }

  const command = commands.find((entry) => entry.path.every((word, index) => argv[index] === word))
  if (command === undefined) {
    const end = argv.findIndex((arg) => arg.startsWith('-'))
    const words = end < 0 ? argv : argv.slice(0, end)
    const partial = commands.some((entry) => entry.path[0] === first)
    return usageError(
      partial ? `"${first}" needs a subcommand` : `unknown command "${words.join(' ') || first}"`,
    )
  }

  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv.slice(command.path.length),
      options: { ...command.options, help: HELP_OPTION },
      strict: true,
      allowPositionals: command.argument !== undefined,
    }))
  } catch (error) {
    // parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code, whose message says what is wrong.
    return usageError(error instanceof Error ? error.message : String(error), command)
  }
  if (values.help === true) {
    context.stdout.write(formatUsage({ commands, command }))
    return ExitCode.ok
  }
  if (command.argument !== undefined && positionals.length !== 1)
    return usageError(`expected one ${command.argument.placeholder}`, command)
  return command.run({ values, positionals }, context)
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, index) => b[index] === word)
}
