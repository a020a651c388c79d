import type { DecodedRevert, DeliverySimulation } from '@ferry/sdk'

/** A revert as a person reads it: `Error("…")`, `Panic(0x12: …)`, `Name(arg=…, …)`. */
function formatRevert(revert: DecodedRevert): string {
  switch (revert.kind) {
    case 'error':
      return `Error(${JSON.stringify(revert.message)})`
    case 'panic':
      return `Panic(0x${revert.code.toString(16).padStart(2, '0')}: ${revert.description})`
    case 'custom':
      return `${revert.name}(${Object.entries(revert.args)
        .map(([name, value]) => `${name}=${String(value)}`)
        .join(', ')})`
    case 'empty':
      return 'no revert data'
    case 'unknown':
      return `unknown error ${revert.selector} (register the recipient's ABI with --abi): ${revert.data}`
  }
}

/**
 * `ferry debug`'s human answer: the verdict first, then each detail the simulation has, and
 * what to do, with the exact retry call for a handler that ran out of gas.
 *
 * @example
 * context.stdout.write(formatSimulation(simulation, { endpoint }))
 */
export function formatSimulation(
  simulation: DeliverySimulation,
  { endpoint }: { endpoint: string },
): string {
  const { id, chain, call, block, gasLimit, verdict, description } = simulation
  const lines = [
    `message ${id}`,
    `  ${call} on ${chain} at block ${block}, handler gas limit ${gasLimit}`,
    `  verdict: ${verdict}: ${description}`,
  ]
  if (simulation.gasUsed !== undefined)
    lines.push(`  handler gas used: ${simulation.gasUsed} of ${gasLimit}`)
  if (simulation.revert) lines.push(`  revert: ${formatRevert(simulation.revert)}`)
  if (simulation.frame) {
    const { contract, selector, functionName, depth } = simulation.frame
    lines.push(
      `  failing frame: ${contract} ${functionName ?? 'unknown function'} (${selector}), depth ${depth}`,
    )
  }
  if (simulation.blockedBy) lines.push(`  blocked by: nonce ${simulation.blockedBy.nonce}`)
  const { recovery } = simulation
  if (recovery?.action === 'retryMessage')
    lines.push(
      `  fix: retry with gas limit ${recovery.gasLimit}, the smallest that succeeds:`,
      `    ${endpoint}.retry(message, ${recovery.gasLimit})`,
      `    SDK: retryMessage(client, { message, gasLimit: ${recovery.gasLimit} })`,
    )
  else if (recovery?.action === 'relayMessage')
    lines.push('  fix: deliver the earlier messages of its channel first (SDK: relayMessage)')
  else if (recovery?.action === 'timeoutMessage')
    lines.push('  fix: time it out (SDK: timeoutMessage)')
  return `${lines.join('\n')}\n`
}
