import type { DeliverySimulation } from '@ferry/sdk'

/** `value` with every bigint as its decimal string, for JSON (a custom error's arguments). */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(jsonSafe)
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]))
  return value
}

/**
 * A simulation as the API answers it: integers that may pass 2^53 as decimal strings, absent
 * parts as `null`.
 *
 * @example
 * ```ts
 * c.json(toSimulationView(await simulations.simulate(message, {})), 200)
 * ```
 */
export function toSimulationView(simulation: DeliverySimulation) {
  const { block, gasUsed, revert, frame, blockedBy, recovery } = simulation
  return {
    ...simulation,
    block: block.toString(),
    gasUsed: gasUsed ?? null,
    revert:
      revert === undefined
        ? null
        : // CAST: jsonSafe keeps the shape, turning bigints into strings.
          (jsonSafe(revert) as Record<string, unknown> & {
            data: string
            kind: typeof revert.kind
          }),
    frame: frame === undefined ? null : { ...frame, functionName: frame.functionName ?? null },
    blockedBy: blockedBy === undefined ? null : { nonce: blockedBy.nonce.toString() },
    recovery:
      recovery?.action === 'retryMessage' ||
      recovery?.action === 'relayMessage' ||
      recovery?.action === 'timeoutMessage'
        ? recovery
        : null,
  }
}
