// An origin (L1 chain type) and an OP Stack destination (Hardhat's `chainType: 'op'`), connected,
// with L1 attributes set on the rollup as a sequencer would and the relayer's key as the
// origin's fee manager: what the rollup fee test and bench stand on.
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import type { L1FeeConfig } from '@ferry/protocol'
import { type L1Attributes, setL1Attributes } from '@ferry/testkit'
import { type Hex, parseEventLogs, toHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { readGasPriceOracle } from '../../src/chains/evm/readGasPriceOracle.ts'
import { readL1FeeConfig } from '../../src/chains/evm/readL1FeeConfig.ts'
import { l1OverheadBytes } from '../../src/core/fees/l1OverheadBytes.ts'
import {
  type SyncL1FeeConfigReturnType,
  syncL1FeeConfig,
} from '../../src/core/fees/syncL1FeeConfig.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { testLogger, waitFor } from './agents.ts'
import { evmAdapter } from './evmAdapters.ts'
import { type EvmChain, type EvmWorld, RELAYER_KEYS, startEvmWorld, toB32 } from './evmWorld.ts'

/** L1 attributes as an OP mainnet block carried them (OP mainnet's scalars, Ecotone and on). */
export const OP_MAINNET_L1: L1Attributes = {
  l1BaseFee: 20_000_000_000n,
  blobBaseFee: 3_000_000_000n,
  baseFeeScalar: 1368,
  blobBaseFeeScalar: 810_949,
}
/** The handler gas of the messages sent. */
export const ROLLUP_GAS_LIMIT = 100_000

/** A delivery transaction on the rollup, from its receipt. */
export type RollupDelivery = {
  /** Messages it delivered. */
  messages: number
  gasUsed: bigint
  effectiveGasPrice: bigint
  /** The receipt's L1 data fee. */
  l1Fee: bigint
}

export type RollupWorld = {
  world: EvmWorld
  /** The origin (31337). */
  a: EvmChain
  /** The OP Stack rollup (31338). */
  b: EvmChain
  /** A's quote for a message to B with `bodyLength` bytes, `ROLLUP_GAS_LIMIT` and no ack. */
  quote(bodyLength: number): Promise<bigint>
  /** What A's endpoint holds for B (`l1FeeConfig`). */
  l1FeeConfig(): Promise<L1FeeConfig>
  /** The `overheadBytes` the relayer sets for A's next message (`l1OverheadBytes`). */
  overheadBytes(): Promise<number>
  /**
   * One `syncL1FeeConfig` of A's parameters for B, journaled in `store`, on an adapter of its
   * own: a relayer running alongside delivers on B only, so the two never share a nonce on A.
   */
  sync(store: RelayerStore): Promise<SyncL1FeeConfigReturnType>
  /** Sends one message A → B paying A's quote; its id. */
  send(body: Hex): Promise<Hex>
  /** Waits for `id`'s delivery on B and reads its transaction's receipt. */
  delivery(id: Hex): Promise<RollupDelivery>
  stop(): Promise<void>
}

/** Random bytes, which no compressor shrinks: what a quote must cover. */
export const randomBody = (length: number): Hex =>
  toHex(Uint8Array.from({ length }, () => Math.floor(Math.random() * 256)))

/**
 * Starts the rollup world; B's L1 attributes are `l1` until `setL1Attributes` changes them.
 *
 * @example
 * const rollup = await startRollupWorld()
 * await rollup.sync(store)
 */
export async function startRollupWorld(l1: L1Attributes = OP_MAINNET_L1): Promise<RollupWorld> {
  const world = await startEvmWorld({ opDomains: [31338], intervalMs: 200 })
  const [a, b] = world.chains as [EvmChain, EvmChain]
  const account = a.wallet.account
  if (!account) throw new Error('the origin wallet has no account')
  await setL1Attributes(b.client, l1)
  await a.client.waitForTransactionReceipt({
    hash: await a.wallet.writeContract({
      address: a.endpoint,
      abi: endpointAbi,
      functionName: 'setFeeManager',
      args: [privateKeyToAddress(RELAYER_KEYS[0])],
      account,
      chain: a.wallet.chain,
    }),
  })
  const quote = (bodyLength: number) =>
    a.client.readContract({
      address: a.endpoint,
      abi: endpointAbi,
      functionName: 'quote',
      args: [b.domain, BigInt(bodyLength), ROLLUP_GAS_LIMIT, 0],
    })
  const endpointReader = { domain: a.domain, client: a.client, endpointAddress: a.endpoint }
  const overheadBytes = async () =>
    l1OverheadBytes(
      (await a.client.readContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'merkleCount',
      })) + 1,
    )

  return {
    world,
    a,
    b,
    quote,
    l1FeeConfig: () => readL1FeeConfig(endpointReader, b.domain),
    overheadBytes,
    sync: async (store) =>
      syncL1FeeConfig({
        origin: evmAdapter(a, store, RELAYER_KEYS[0]),
        destination: b.domain,
        readOracle: (signal) => readGasPriceOracle({ domain: b.domain, client: b.client }, signal),
        readCurrent: (signal) => readL1FeeConfig(endpointReader, b.domain, signal),
        overheadBytes: await overheadBytes(),
        logger: testLogger,
      }),
    async send(body) {
      const hash = await a.wallet.writeContract({
        address: a.apps[0],
        abi: testRecipientAbi,
        functionName: 'sendVia',
        args: [a.endpoint, b.domain, toB32(b.apps[0]), body, ROLLUP_GAS_LIMIT, 0, 0n],
        value: await quote((body.length - 2) / 2),
        account,
        chain: a.wallet.chain,
      })
      const receipt = await a.client.waitForTransactionReceipt({ hash })
      const [sent] = parseEventLogs({
        abi: endpointAbi,
        eventName: 'MessageSent',
        logs: receipt.logs,
      })
      if (!sent) throw new Error(`no message in ${hash}`)
      return sent.args.id
    },
    async delivery(id) {
      let hash: Hex | undefined
      await waitFor('delivered on the rollup', async () => {
        const logs = await b.client.getContractEvents({
          address: b.endpoint,
          abi: endpointAbi,
          eventName: 'MessageDelivered',
          args: { id },
          fromBlock: 0n,
        })
        hash = logs[0]?.transactionHash
        return hash !== undefined
      })
      if (!hash) throw new Error(`no delivery of ${id}`)
      // CAST: the node's receipt, whose OP Stack fields viem's typed receipt leaves out.
      const receipt = (await b.client.request({
        method: 'eth_getTransactionReceipt',
        params: [hash],
      })) as {
        l1Fee?: Hex
        gasUsed: Hex
        effectiveGasPrice: Hex
        logs: Parameters<typeof parseEventLogs>[0]['logs']
      }
      return {
        messages: parseEventLogs({
          abi: endpointAbi,
          eventName: 'MessageDelivered',
          logs: receipt.logs,
        }).length,
        gasUsed: BigInt(receipt.gasUsed),
        effectiveGasPrice: BigInt(receipt.effectiveGasPrice),
        l1Fee: BigInt(receipt.l1Fee ?? '0x0'),
      }
    },
    stop: () => world.stop(),
  }
}
