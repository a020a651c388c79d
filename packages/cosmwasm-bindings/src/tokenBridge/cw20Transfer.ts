import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import type { MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U128, toDecimal } from '../internal/bytes.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'

export type Cw20TransferParameters = EndpointExecuteParameters & {
  recipient: string
  amount: bigint
}
export type Cw20TransferReturnType = EndpointExecuteReturnType
export type Cw20TransferErrorType = EndpointError | MissingSenderError

/**
 * Moves `amount` of a CW20 token from the sender to `recipient` on this chain (CW20's
 * `transfer`): a synthetic token bridge's representation, or any CW20 contract.
 *
 * @example
 * ```ts
 * await cw20Transfer(executor, { contract: bridge, recipient: 'wasm1…', amount: 1_000_000n })
 * ```
 */
export function cw20Transfer(
  executor: CosmWasmExecutor,
  parameters: Cw20TransferParameters,
): Promise<Cw20TransferReturnType> {
  return executeEndpoint(executor, parameters, {
    transfer: {
      recipient: parameters.recipient,
      amount: toDecimal(parameters.amount, MAX_U128, 'amount'),
    },
  })
}
