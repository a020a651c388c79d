import type { Hex } from 'viem'
import { BASE_DELIVERY_GAS, worstCaseMessageGas } from './policy.js'

export type PackBatchesParameters = {
  /** Most messages in one batch (`policy.batchSize`). */
  batchSize: number
  /** Most worst-case gas one batch may need (`policy.maxBatchGas`). */
  maxGas: bigint
  /** Most batches to fill: the route's free in-flight slots. */
  batches: number
}

/**
 * Packs messages (nonce-ordered within each channel) into batches that can be in flight at the
 * same time: no channel is split across two batches, because a second batch's messages would
 * only be valid once the first is mined, so its gas estimate would revert. Each batch holds at
 * most `batchSize` messages and its {@link worstCaseMessageGas} total stays within `maxGas`, so it
 * fits one transaction whatever the handlers do. A channel run too long for one batch gives its
 * longest prefix that fits; the rest waits for the next pass, as does whatever does not fit into
 * `batches` batches.
 *
 * @example
 * const batches = packBatches(covered, { batchSize: 200, maxGas: 12_000_000n, batches: 4 })
 */
export function packBatches<message extends { channel: Hex; gasLimit: number }>(
  messages: readonly message[],
  { batchSize, maxGas, batches }: PackBatchesParameters,
): message[][] {
  const runs = new Map<Hex, message[]>()
  for (const message of messages) {
    const run = runs.get(message.channel)
    if (run) run.push(message)
    else runs.set(message.channel, [message])
  }
  const packed: message[][] = []
  let batch: message[] = []
  let gas = BASE_DELIVERY_GAS
  const close = () => {
    if (batch.length > 0) packed.push(batch)
    batch = []
    gas = BASE_DELIVERY_GAS
  }
  for (const run of runs.values()) {
    const runGas = run.reduce((sum, message) => sum + worstCaseMessageGas(message.gasLimit), 0n)
    if (batch.length + run.length > batchSize || gas + runGas > maxGas) close()
    if (packed.length === batches) break
    let taken = 0
    for (const message of run) {
      const cost = worstCaseMessageGas(message.gasLimit)
      // At least one message per batch: a handler's limit above `maxGas` still gets delivered.
      if (batch.length > 0 && (batch.length === batchSize || gas + cost > maxGas)) break
      batch.push(message)
      gas += cost
      taken++
    }
    if (taken < run.length) close()
  }
  if (packed.length < batches) close()
  return packed
}
