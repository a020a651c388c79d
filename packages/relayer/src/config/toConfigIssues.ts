import type { z } from 'zod'
import type { ApplyEnvOverridesReturnType } from './envOverrides.js'
import type { ConfigIssue } from './errors.js'

export type ToConfigIssuesParameters = {
  issues: readonly z.core.$ZodIssue[]
  /** The validated document, to name the chain an issue concerns. */
  document: unknown
  /** Paths env overrides set, to name the variable behind a bad value. */
  sources: ApplyEnvOverridesReturnType['sources']
}

/**
 * zod issues as an operator reads them: a field path like `chains[1].endpoint`, the chain's name
 * when the path goes through one, the env variable when one set the field, one issue per unknown
 * key, and "is required" for a missing field.
 *
 * @example
 * toConfigIssues({ issues: result.error.issues, document, sources: [] })
 * // [{ field: 'chains[1].endpoint', label: 'wasm', message: 'must be a bech32 address of 20 or 32 bytes' }]
 */
export function toConfigIssues({
  issues,
  document,
  sources,
}: ToConfigIssuesParameters): ConfigIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)))
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) =>
        describe([...path, key], 'is not a known field', document, sources),
      )
    if (issue.code === 'invalid_key') {
      const inner = issue.issues[0]?.message ?? issue.message
      return [describe(path, `has an invalid key: ${inner}`, document, sources)]
    }
    let message = issue.message
    // Rewrite zod's own wording ("Invalid input: expected string, received undefined"); a message
    // the schema chose is kept.
    if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
      const received = /received (\w+)$/.exec(issue.message)?.[1]
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected
      message =
        received === 'undefined'
          ? `is required (${article(expected)})`
          : `must be ${article(expected)}${received === undefined ? '' : `, not ${article(received)}`}`
    }
    return [describe(path, message, document, sources)]
  })
}

function describe(
  path: (string | number)[],
  message: string,
  document: unknown,
  sources: ToConfigIssuesParameters['sources'],
): ConfigIssue {
  const source = sources
    .filter(
      (entry) =>
        entry.path.length <= path.length && entry.path.every((part, index) => part === path[index]),
    )
    .sort((a, b) => b.path.length - a.path.length)[0]
  const name = label(path, document)
  return {
    field: formatPath(path),
    message,
    ...(name === undefined ? {} : { label: name }),
    ...(source === undefined ? {} : { source: source.variable }),
  }
}

/** `['chains', 1, 'endpoint']` → `chains[1].endpoint`; the empty path is the document itself. */
function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('')
}

/** The name of the chain (or the origin of the validator set) an issue's path goes through. */
function label(path: readonly (string | number)[], document: unknown): string | undefined {
  const [section, index] = path
  if (typeof index !== 'number' || path.length < 3 || !isRecord(document)) return undefined
  const [list, key] =
    section === 'chains'
      ? [document.chains, 'name']
      : section === 'validators'
        ? [document.validators, 'origin']
        : [undefined, '']
  const entry = Array.isArray(list) ? list[index] : undefined
  return isRecord(entry) && typeof entry[key] === 'string' ? entry[key] : undefined
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
