import { endpointAbi, interchainAccountRouterAbi } from '@ferry/evm-contracts'
import { type EvmRemoteCall, encodeEvmRemoteCalls, type RemoteCallKind } from '@ferry/protocol'
import type { Address, Hex } from 'viem'
import type { SentMessageEvent } from '../../chains/types.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import type { FerryChain } from '../../client/defineFerryChain.js'
import { MaxFeeExceededError } from '../../errors/MaxFeeExceededError.js'
import { NoInterchainAccountRouterError } from '../../errors/NoInterchainAccountRouterError.js'
import { parseEvmReceipt } from './parseEvmReceipt.js'
import { toEvmEndpointRevertedError } from './toEvmEndpointRevertedError.js'
import { writeEvmContract } from './writeEvmContract.js'

/** The router's ABI with the endpoint's errors, so a refusal from either decodes by name. */
const routerAbi = [
  ...interchainAccountRouterAbi,
  ...endpointAbi.filter((item) => item.type === 'error'),
]

export type SendRemoteBatchParameters = {
  origin: FerryChain
  destination: FerryChain
  kind: RemoteCallKind
  /** For an EVM destination: the calls (the router encodes them itself). */
  evmCalls?: readonly EvmRemoteCall[] | undefined
  /** For a CosmWasm destination: the JSON payload. */
  payload?: Hex | undefined
  gasLimit: number
  ackGasLimit: number
  deadline: bigint
  maxFee: bigint | undefined
  action: string
}

/**
 * Sends a remote-call batch through the origin's interchain-account router, the caller (the
 * chain's signer) being its owner: on EVM `callRemote`/`readRemote` to an EVM chain,
 * `callRemoteRaw` with the JSON payload to a CosmWasm one, paying the router's quote (refused
 * above `maxFee`); on CosmWasm `call_remote`. Returns the message the endpoint emitted and the
 * fee it kept.
 *
 * @example
 * const sent = await sendRemoteBatch(client, { origin, destination, kind: 'call', evmCalls, gasLimit: 300_000, ackGasLimit: 0, deadline: 0n, maxFee: undefined, action: 'callRemote' })
 */
export async function sendRemoteBatch(
  client: FerryClient,
  parameters: SendRemoteBatchParameters,
): Promise<SentMessageEvent & { feePaid: bigint }> {
  const { origin, destination, kind, gasLimit, ackGasLimit, deadline, maxFee, action } = parameters
  const router = origin.interchainAccountRouter
  if (router === undefined) throw new NoInterchainAccountRouterError({ chain: origin.name, action })
  // The bytes after the body's header: JSON for a CosmWasm destination, `Call[]` for an EVM one.
  const payload = parameters.payload ?? encodeEvmRemoteCalls(parameters.evmCalls ?? [])
  let sent: SentMessageEvent | undefined
  if (origin.kind === 'evm') {
    // CAST: an EVM chain's router is an address (FerryEvmChain types it so).
    const address = router as Address
    const reader = client.reader(origin)
    const calls = parameters.evmCalls ?? []
    const raw = destination.kind !== 'evm'
    let fee: bigint
    try {
      fee = raw
        ? await reader.client.readContract({
            address,
            abi: routerAbi,
            functionName: 'quoteCallRemoteRaw',
            args: [destination.domain, BigInt((payload.length - 2) / 2), gasLimit, ackGasLimit],
          })
        : await reader.client.readContract({
            address,
            abi: routerAbi,
            functionName: 'quoteCallRemote',
            args: [destination.domain, calls, gasLimit, ackGasLimit],
          })
    } catch (error) {
      throw toEvmEndpointRevertedError(origin.name, error)
    }
    if (maxFee !== undefined && fee > maxFee)
      throw new MaxFeeExceededError({ chain: origin.name, fee, maxFee })
    const receipt = await writeEvmContract(origin, reader, {
      address,
      abi: routerAbi,
      ...(raw
        ? {
            functionName: 'callRemoteRaw',
            args: [
              destination.domain,
              kind === 'call' ? 1 : 2,
              payload,
              gasLimit,
              ackGasLimit,
              deadline,
            ],
          }
        : {
            functionName: kind === 'call' ? 'callRemote' : 'readRemote',
            args: [destination.domain, calls, gasLimit, ackGasLimit, deadline],
          }),
      value: fee,
    })
    sent = parseEvmReceipt(receipt, origin.endpoint).sent[0]
  } else {
    // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
    const { callRemoteOnCosmWasm } = await import('./cosmwasm/callRemoteOnCosmWasm.js')
    sent = await callRemoteOnCosmWasm(client, origin, router, {
      destination: destination.domain,
      kind,
      payload,
      gasLimit,
      ackGasLimit,
      deadline,
      maxFee,
      action,
    })
  }
  if (sent === undefined)
    throw new Error(`${origin.name}: the router's send emitted no MessageSent`)
  return { ...sent, feePaid: await client.reader(origin).getFeePaid(sent) }
}
