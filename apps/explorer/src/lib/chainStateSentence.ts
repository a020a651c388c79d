import type { MessageState } from '@ferry/sdk'

/**
 * The SDK's state of a message read from the chains alone, in one sentence.
 *
 * @example
 * chainStateSentence({ type: 'pending_finality', id, origin: 1, destination: 2 }, name)
 * // 'Waiting for its block on evm-a to be final.'
 */
export function chainStateSentence(
  state: MessageState,
  chainName: (domain: number) => string,
): string {
  switch (state.type) {
    case 'not_found':
      return 'No chain this explorer reads has sent it.'
    case 'pending_finality':
      return `Waiting for its block on ${chainName(state.origin)} to be final.`
    case 'waiting_signatures':
      return `Waiting for a threshold of ${chainName(state.origin)}'s validators to sign it.`
    case 'underpaid':
      return state.missing === undefined
        ? 'Underpaid: the relayer will not deliver it for its fee; deliver it yourself.'
        : `Underpaid: the relayer asks ${state.missing} more (base units).`
    case 'in_flight':
      return state.recovery?.action === 'relayMessage'
        ? `Provable and not delivered on ${chainName(state.destination)}: no relayer says it is on it; deliver it yourself.`
        : `In flight to ${chainName(state.destination)}.`
    case 'executed':
      return `Delivered: executed on ${chainName(state.destination)}.`
    case 'failed':
      return state.retryable
        ? `Failed on ${chainName(state.destination)}: retry it with more gas.`
        : `Failed on ${chainName(state.destination)} and past its deadline: time it out.`
    case 'timed_out':
      return `Timed out on ${chainName(state.destination)}.`
    case 'retries_exhausted':
      return 'Retries exhausted: retry it yourself with more gas.'
    case 'orphaned':
      return 'Orphaned: a reorg removed the block it was sent in; send it again.'
    case 'unknown':
      return `The relayer says "${state.reason}".`
  }
}
