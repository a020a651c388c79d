import type { Address, EIP1193RequestFn, Hex, PublicClient } from 'viem'
import { numberToHex } from 'viem'

/** One frame of a `callTracer` trace (geth's format, which Hardhat's EDR answers too). */
export type EvmCallFrame = {
  type: string
  from: Address
  to?: Address | undefined
  input: Hex
  output?: Hex | undefined
  gas: Hex
  gasUsed: Hex
  /** Why the frame failed (`execution reverted`, `out of gas`, …); absent when it returned. */
  error?: string | undefined
  calls?: EvmCallFrame[] | undefined
}

type TraceCallRpc = EIP1193RequestFn<
  [
    {
      Method: 'debug_traceCall'
      Parameters: [
        { from: Address; to: Address; data: Hex },
        Hex,
        { tracer: 'callTracer'; tracerConfig: { onlyTopCall: false } },
      ]
      ReturnType: EvmCallFrame
    },
  ]
>

/**
 * The call tree of `data` sent from `from` to `to` on the state after block `block`, through
 * `debug_traceCall` with the `callTracer`: every frame's target, input, output, gas and error,
 * nothing written. Node support: geth, reth, erigon, Hardhat's EDR; a provider without the
 * `debug` namespace answers with an RPC error the caller sees as it is.
 */
export async function traceEvmCall(
  client: PublicClient,
  { from, to, data, block }: { from: Address; to: Address; data: Hex; block: bigint },
): Promise<EvmCallFrame> {
  // CAST: viem's public client types only the standard methods; this one is the debug namespace's.
  const request = client.request as unknown as TraceCallRpc
  return request({
    method: 'debug_traceCall',
    params: [
      { from, to, data },
      numberToHex(block),
      { tracer: 'callTracer', tracerConfig: { onlyTopCall: false } },
    ],
  })
}
