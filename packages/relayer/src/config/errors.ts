import { BaseError } from '@ferry/protocol'

/**
 * One problem in a config. `field` is the path as an operator reads it (`chains[1].endpoint`,
 * `(yaml)` for syntax, `(file)` for reading); `label` names the chain it concerns when the path
 * goes through one; `source` names the env override that set the field; `line`/`column` (1-based)
 * locate YAML syntax errors.
 *
 * @example
 * const issue: ConfigIssue = { field: 'chains[1].endpoint', label: 'wasm', message: 'must be a bech32 address' }
 */
export type ConfigIssue = {
  field: string
  message: string
  label?: string | undefined
  source?: string | undefined
  line?: number | undefined
  column?: number | undefined
}

/**
 * A config file (or a secret it points to) is invalid. Lists every issue with its field, and the
 * file; never a secret's value. Not retryable: the same file fails the same way.
 *
 * @example
 * try {
 *   loadConfig({ path: 'ferry.yaml', env: process.env })
 * } catch (error) {
 *   if (error instanceof ConfigError) for (const line of error.lines()) console.error(line)
 * }
 */
export class ConfigError extends BaseError {
  override name = 'ConfigError'
  /** The config file, or `<text>` when the config came from a string. */
  readonly file: string
  readonly issues: readonly ConfigIssue[]

  constructor({ file, issues }: { file: string; issues: readonly ConfigIssue[] }) {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`
    super(`Invalid config ${file}: ${count}.`, {
      metaMessages: issues.map(formatIssue),
      retryable: false,
    })
    this.file = file
    this.issues = issues
  }

  /** One line per issue, for a terminal: `ferry.yaml: chains[1].endpoint (wasm): must be …`. */
  lines(): string[] {
    return this.issues.map(
      (issue) =>
        `${this.file}${issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`}: ${formatIssue(issue)}`,
    )
  }
}

function formatIssue(issue: ConfigIssue): string {
  const label = issue.label === undefined ? '' : ` (${issue.label})`
  const source = issue.source === undefined ? '' : ` [set by ${issue.source}]`
  return `${issue.field}${label}${source}: ${issue.message}`
}
