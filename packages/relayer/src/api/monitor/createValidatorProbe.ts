import type { z } from '@hono/zod-openapi'
import type { ValidatorOrigin } from '../schemas/health.js'

export type ProbedValidators = ReadonlyMap<
  number,
  { urls: readonly string[]; threshold: number; timeoutMs?: number | undefined }
>

export type CreateValidatorProbeParameters = {
  /** Per origin domain: its validators' base URLs and threshold (as `runRelayer` takes them). */
  validators: ProbedValidators
  /** Answers are reused this long, so API traffic never multiplies into validator traffic. Default 2000. */
  cacheMs?: number | undefined
  /** Per request, unless the origin sets `timeoutMs`. Default 3000. */
  timeoutMs?: number | undefined
}

export type ValidatorProbe = { probe(): Promise<z.infer<typeof ValidatorOrigin>[]> }

/**
 * Asks each validator for its latest signed checkpoint (`GET {url}/v1/checkpoints/latest`), for
 * `/v1/validators`. One probe runs at a time and its answer is cached for `cacheMs`.
 *
 * @example
 * ```ts
 * const probe = createValidatorProbe({ validators: new Map([[31337, { urls, threshold: 2 }]]) })
 * const origins = await probe.probe()
 * ```
 */
export function createValidatorProbe({
  validators,
  cacheMs = 2_000,
  timeoutMs = 3_000,
}: CreateValidatorProbeParameters): ValidatorProbe {
  let cached: { at: number; result: Promise<z.infer<typeof ValidatorOrigin>[]> } | undefined

  async function ask(url: string, timeout: number) {
    const checkedAt = new Date().toISOString()
    const base = { url, checkedAt, validator: null, latestIndex: null, root: null }
    try {
      const response = await fetch(`${url.replace(/\/$/, '')}/v1/checkpoints/latest`, {
        signal: AbortSignal.timeout(timeout),
      })
      const body: unknown = await response.json().catch(() => undefined)
      if (response.status === 404) return { ...base, state: 'no_checkpoint' as const, error: null }
      const answer = readAnswer(body)
      if (!response.ok || !answer)
        return { ...base, state: 'bad_response' as const, error: `HTTP ${response.status}` }
      return { ...base, ...answer, state: 'ok' as const, error: null }
    } catch (error) {
      return {
        ...base,
        state: 'unreachable' as const,
        error: error instanceof Error ? error.message : String(error),
      }
    }
  }

  return {
    probe() {
      const now = Date.now()
      if (cached && now - cached.at < cacheMs) return cached.result
      const result = Promise.all(
        [...validators].map(async ([origin, set]) => ({
          origin,
          threshold: set.threshold,
          validators: await Promise.all(
            set.urls.map((url) => ask(url, set.timeoutMs ?? timeoutMs)),
          ),
        })),
      )
      cached = { at: now, result }
      return result
    },
  }
}

/** The validator's `SignedCheckpointResponse`, read defensively: it is another process's answer. */
function readAnswer(body: unknown) {
  const answer = asRecord(body)
  const checkpoint = asRecord(answer?.checkpoint)
  const validator = answer?.validator
  const index = checkpoint?.index
  const root = checkpoint?.root
  if (typeof validator !== 'string' || typeof root !== 'string') return undefined
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) return undefined
  return { validator, latestIndex: index, root }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value))
    : undefined
}
