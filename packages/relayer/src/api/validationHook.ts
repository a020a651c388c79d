import type { ZodError } from 'zod'
import { ApiError } from './errors.js'

/** One problem with a request, as `details` lists it. */
export type ParameterProblem = { in: string; name: string; message: string }

/**
 * The hook every route's validators call: a request that fails its schema becomes a 400,
 * `invalid_cursor` when the cursor is what is wrong, else `invalid_parameter`, listing each
 * problem in `details` (where, which parameter, what is wrong; never the value).
 *
 * @example
 * ```ts
 * new OpenAPIHono({ defaultHook: validationHook })
 * ```
 */
export function validationHook(
  result: { target: string } & ({ success: true } | { success: false; error: ZodError }),
): void {
  if (result.success) return
  const where = result.target === 'param' ? 'path' : result.target
  const problems: ParameterProblem[] = result.error.issues.map((issue) => ({
    in: where,
    name:
      issue.code === 'unrecognized_keys'
        ? issue.keys.join(', ')
        : issue.path.map(String).join('.') || '(all)',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown ${where} parameter${issue.keys.length > 1 ? 's' : ''}`
        : issue.code === 'invalid_type' && issue.input === undefined
          ? 'is required'
          : issue.code === 'invalid_type'
            ? 'must be given once'
            : issue.message,
  }))
  const first = problems[0]
  throw new ApiError({
    status: 400,
    code: problems.some((problem) => problem.name === 'cursor')
      ? 'invalid_cursor'
      : 'invalid_parameter',
    message: first ? `${first.in} ${first.name}: ${first.message}` : 'Invalid request.',
    details: problems,
  })
}
