import type { CosmWasmExecutor } from '@ferry/cosmwasm-bindings'
import type { FerryCosmWasmChain } from '../../client/defineFerryChain.js'
import { MissingSignerError } from '../../errors/MissingSignerError.js'

/**
 * The executor and sender `action` executes with on `chain`; `MissingSignerError` naming what to
 * configure when either is absent.
 *
 * @example
 * const { executor, sender } = getCosmWasmSigner(chain, 'send')
 */
export function getCosmWasmSigner(
  chain: FerryCosmWasmChain,
  action: string,
): { executor: CosmWasmExecutor; sender: string } {
  const executor = chain.executor
  if (executor === undefined)
    throw new MissingSignerError({ chain: chain.name, action, configure: 'executor' })
  if (executor.sender === undefined)
    throw new MissingSignerError({ chain: chain.name, action, configure: 'executor.sender' })
  return { executor, sender: executor.sender }
}
