import { parseEndpointEvents } from '../client/parseEndpointEvents.js'
import type {
  Coin,
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
  ExecuteOutcome,
  JsonObject,
} from '../client/types.js'
import { MissingSenderError } from '../errors/client.js'
import { parseEndpointError } from '../errors/parseEndpointError.js'

/** Executes `msg` on the endpoint; contract errors become `EndpointError` subclasses. */
export async function executeEndpoint(
  executor: CosmWasmExecutor,
  { contract, sender }: EndpointExecuteParameters,
  msg: JsonObject,
  funds?: readonly Coin[],
): Promise<EndpointExecuteReturnType> {
  const account = sender ?? executor.sender
  if (account === undefined) throw new MissingSenderError({ action: Object.keys(msg)[0] ?? '' })
  let outcome: ExecuteOutcome
  try {
    outcome = await executor.execute(account, contract, msg, funds)
  } catch (error) {
    throw parseEndpointError(error)
  }
  return {
    transactionHash: outcome.transactionHash,
    height: outcome.height,
    events: parseEndpointEvents(outcome.events, { contract }),
    outcome,
  }
}

/** Queries the endpoint; contract errors become `EndpointError` subclasses. */
export async function queryEndpoint<answer>(
  executor: CosmWasmExecutor,
  contract: string,
  msg: JsonObject,
): Promise<answer> {
  try {
    // CAST: the endpoint answers each query in the shape INTERFACE.md gives it
    // (schema/responses), which the integration test checks against the contract.
    return (await executor.query(contract, msg)) as answer
  } catch (error) {
    throw parseEndpointError(error)
  }
}
