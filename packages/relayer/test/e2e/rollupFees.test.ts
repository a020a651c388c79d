// Messages to an OP Stack rollup (Hardhat's `chainType: 'op'`): the relayer keeps the origin's
// L1 fee parameters for it current from the rollup's GasPriceOracle, so a change of the L1 base
// fee there moves quotes after its next update (PROTOCOL §9), and the L1 data fee its deliveries
// pay (receipts' `l1Fee`) is what the quote's L1 part priced, within 10 %.
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { getL1DataFee, type L1FeeConfig } from '@ferry/protocol'
import { type L1Attributes, setL1Attributes } from '@ferry/testkit'
import { type Hex, parseEventLogs, toHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readGasPriceOracle } from '../../src/chains/evm/readGasPriceOracle.ts'
import { readL1FeeConfig } from '../../src/chains/evm/readL1FeeConfig.ts'
import { l1OverheadBytes } from '../../src/core/fees/l1OverheadBytes.ts'
import { syncL1FeeConfig } from '../../src/core/fees/syncL1FeeConfig.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, testLogger, waitFor } from '../world/agents.ts'
import { evmAdapter, evmAgentChain } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  RELAYER_KEYS,
  startEvmWorld,
  toB32,
} from '../world/evmWorld.ts'

/** L1 attributes as an OP mainnet block carried them (scalars of OP mainnet, Ecotone and on). */
const L1: L1Attributes = {
  l1BaseFee: 20_000_000_000n,
  blobBaseFee: 3_000_000_000n,
  baseFeeScalar: 1368,
  blobBaseFeeScalar: 810_949,
}
const GAS_LIMIT = 100_000

/** Random bytes, which no compressor shrinks: what a quote must cover. */
const randomBody = (length: number): Hex =>
  toHex(Uint8Array.from({ length }, () => Math.floor(Math.random() * 256)))

describe('fees of messages to an OP Stack rollup', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore

  beforeAll(async () => {
    world = await startEvmWorld({ opDomains: [31338], intervalMs: 200 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    await setL1Attributes(b.client, L1)
    // The relayer's key is the origin's fee manager: it keeps the L1 fee parameters current.
    await a.client.waitForTransactionReceipt({
      hash: await a.wallet.writeContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'setFeeManager',
        args: [privateKeyToAddress(RELAYER_KEYS[0])],
        account: a.wallet.account!,
        chain: a.wallet.chain,
      }),
    })
  })

  afterAll(async () => {
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  const quote = (bodyLength: number) =>
    a.client.readContract({
      address: a.endpoint,
      abi: endpointAbi,
      functionName: 'quote',
      args: [b.domain, BigInt(bodyLength), GAS_LIMIT, 0],
    })
  /** The overhead the relayer sets for A's next message: a proof in a tree one leaf larger. */
  const overheadBytes = async () =>
    l1OverheadBytes(
      (await a.client.readContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'merkleCount',
      })) + 1,
    )
  /**
   * One sync of A's parameters for B, on an adapter of its own: the relayer running alongside
   * delivers on B only, so the two never share a nonce on A.
   */
  const sync = async () =>
    syncL1FeeConfig({
      origin: evmAdapter(a, store, RELAYER_KEYS[0]),
      destination: b.domain,
      readOracle: (signal) => readGasPriceOracle({ domain: b.domain, client: b.client }, signal),
      readCurrent: (signal) =>
        readL1FeeConfig(
          { domain: a.domain, client: a.client, endpointAddress: a.endpoint },
          b.domain,
          signal,
        ),
      overheadBytes: await overheadBytes(),
      logger: testLogger,
    })
  /** Sends one message A → B paying the quote; the gas limit is the node's estimate. */
  async function sendOne(body: Hex): Promise<Hex | undefined> {
    const fee = await quote((body.length - 2) / 2)
    const hash = await a.wallet.writeContract({
      address: a.apps[0],
      abi: testRecipientAbi,
      functionName: 'sendVia',
      args: [a.endpoint, b.domain, toB32(b.apps[0]), body, GAS_LIMIT, 0, 0n],
      value: fee,
      account: a.wallet.account!,
      chain: a.wallet.chain,
    })
    const receipt = await a.client.waitForTransactionReceipt({ hash })
    return parseEventLogs({ abi: endpointAbi, eventName: 'MessageSent', logs: receipt.logs })[0]
      ?.args.id
  }
  const expectedConfig = async (attributes: L1Attributes): Promise<L1FeeConfig> => ({
    ...attributes,
    overheadBytes: await overheadBytes(),
  })

  it("moves quotes when the rollup's L1 base fee changes, after the relayer's next update", async () => {
    const l2Only = await quote(1024)
    const first = await sync()
    expect(first.type).toBe('updated')
    // The testkit's fee configs are 1:1: the L1 part is the L1 data fee itself.
    expect(await quote(1024)).toBe(l2Only + getL1DataFee(await expectedConfig(L1), 1024))
    expect((await sync()).type).toBe('unchanged')

    const dearer = { ...L1, l1BaseFee: 3n * L1.l1BaseFee }
    await setL1Attributes(b.client, dearer)
    expect(await quote(1024)).toBe(l2Only + getL1DataFee(await expectedConfig(L1), 1024))
    const second = await sync()
    expect(second).toMatchObject({ type: 'updated', config: await expectedConfig(dearer) })
    expect(await quote(1024)).toBe(l2Only + getL1DataFee(await expectedConfig(dearer), 1024))
    await setL1Attributes(b.client, L1)
    await sync()
  })

  describe('deliveries there', () => {
    let agents: Agents

    beforeAll(async () => {
      agents = await startAgents({
        chains: [evmAgentChain(a, 1), evmAgentChain(b, 1)],
        store,
        validatorStore,
      })
    })
    afterAll(async () => {
      await agents?.stop()
    })

    it.each([0, 1024, 16_384])(
      "pay an L1 data fee (receipt l1Fee) that the quote's L1 part covers to within a tenth: body of %i bytes",
      async (length) => {
        // As the relayer would before it: the parameters for the tree this message lands in.
        await sync()
        const id = await sendOne(randomBody(length))
        if (!id) throw new Error('nothing sent')
        let delivery: Hex | undefined
        await waitFor('delivered on the rollup', async () => {
          const logs = await b.client.getContractEvents({
            address: b.endpoint,
            abi: endpointAbi,
            eventName: 'MessageDelivered',
            args: { id },
            fromBlock: 0n,
          })
          delivery = logs[0]?.transactionHash
          return delivery !== undefined
        })
        if (!delivery) throw new Error('no delivery')
        // CAST: the node's receipt, whose OP Stack fields viem's typed receipt leaves out.
        const receipt = (await b.client.request({
          method: 'eth_getTransactionReceipt',
          params: [delivery],
        })) as { l1Fee?: Hex; logs: Parameters<typeof parseEventLogs>[0]['logs'] }
        const delivered = parseEventLogs({
          abi: endpointAbi,
          eventName: 'MessageDelivered',
          logs: receipt.logs,
        })
        const paid = BigInt(receipt.l1Fee ?? '0x0')
        const quoted = getL1DataFee(
          await readL1FeeConfig(
            { domain: a.domain, client: a.client, endpointAddress: a.endpoint },
            b.domain,
          ),
          length,
        )
        expect(paid).toBeGreaterThan(0n)
        // One message per delivery here: the quote prices exactly such a transaction.
        expect(delivered).toHaveLength(1)
        expect(Number(quoted) / Number(paid)).toBeGreaterThanOrEqual(1)
        expect(Number(quoted) / Number(paid)).toBeLessThanOrEqual(1.1)
      },
    )
  })
})
