import type { Address, EIP1193RequestFn, Hex, PublicClient } from 'viem'

/** One step of geth's struct logger, which Hardhat's EDR answers too; the stack's top is last. */
type StructLog = { op: string; stack?: Hex[] }

type TraceCallRpc = EIP1193RequestFn<
  [
    {
      Method: 'debug_traceCall'
      Parameters: [
        { to: Address; data: Hex },
        'latest',
        { disableMemory: true; disableStorage: true },
      ]
      ReturnType: { structLogs: StructLog[] }
    },
  ]
>

/**
 * The storage slots a call reads (its SLOADs' keys, in order, repeats kept), from a
 * `debug_traceCall` struct log: what a saving that skips a read is tested against, since a gas
 * figure alone also moves with everything else the call does.
 */
export async function storageReads(
  publicClient: PublicClient,
  call: { to: Address; data: Hex },
): Promise<bigint[]> {
  // CAST: viem's public client types only the standard methods; this one is the debug namespace's.
  const request = publicClient.request as unknown as TraceCallRpc
  const { structLogs } = await request({
    method: 'debug_traceCall',
    params: [call, 'latest', { disableMemory: true, disableStorage: true }],
  })
  return structLogs
    .filter((log) => log.op === 'SLOAD')
    .map((log) => {
      const key = log.stack?.at(-1)
      if (key === undefined) throw new Error('debug_traceCall: an SLOAD step without its stack')
      return BigInt(key.startsWith('0x') ? key : `0x${key}`)
    })
}
