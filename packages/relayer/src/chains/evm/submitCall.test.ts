import { revertingRecipientAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { decodeProof, MessageStatus } from '@ferry/protocol'
import { type RpcFaultProxy, startRpcFaultProxy } from '@ferry/testkit'
import { createWalletClient, encodeAbiParameters, type Hex, http, parseGwei, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GasEstimateRevertedError, GasPriceAboveCapError } from './errors.js'
import { type FerryFixture, keys, startFerry, testGas, toHash } from './test/ferryFixture.js'
import { createMemoryJournal } from './test/memoryJournal.js'

let ferry: FerryFixture
let proxy: RpcFaultProxy

beforeAll(async () => {
  ferry = await startFerry()
  proxy = await startRpcFaultProxy({ target: ferry.node.rpcUrl })
}, 60_000)
afterAll(async () => {
  await proxy?.close()
  await ferry?.stop()
})

const relayer = privateKeyToAccount(keys.relayer)
const gasFloor = 150_000n

/** Sets the base fee of the next block and mines it, so `latest` carries that base fee. */
async function mineWithBaseFee(baseFee: bigint): Promise<void> {
  await ferry.test.request({
    method: 'hardhat_setNextBlockBaseFeePerGas',
    params: [toHex(baseFee)],
  })
  await ferry.test.mine({ blocks: 1 })
}

describe('submit', () => {
  it('delivers a batch with real proofs and returns each outcome', async () => {
    const result = encodeAbiParameters([{ type: 'string' }], ['handled'])
    await ferry.write({
      address: ferry.recipient,
      abi: testRecipientAbi,
      functionName: 'setResult',
      args: [result],
    })
    const executed = await ferry.send({ recipient: ferry.recipient, count: 2 })
    const [failed] = await ferry.send({ recipient: ferry.reverting })
    const messages = [...executed, failed!]
    const journal = createMemoryJournal()
    const chain = ferry.chain({ journal })

    const receipt = await chain.submit(
      {
        type: 'deliverBatch',
        messages: messages.map((m) => m.encoded),
        proofs: await ferry.prove(messages),
      },
      { gasFloor, messageIds: messages.map((m) => m.id) },
    )

    expect(receipt.status).toBe('success')
    expect(receipt.outcomes).toEqual([
      { id: executed[0]!.id, status: MessageStatus.Executed, result },
      { id: executed[1]!.id, status: MessageStatus.Executed, result },
      { id: failed!.id, status: MessageStatus.Failed, result: expect.stringMatching(/^0x.{8}/) },
    ])
    const [row, ...others] = journal.list()
    expect(others).toEqual([])
    expect(row).toMatchObject({
      state: 'mined',
      entry: { transactionHash: receipt.transactionHash },
    })
    expect(row!.entry.messageIds).toEqual(messages.map((m) => m.id))
    const mined = await ferry.client.getTransaction({ hash: toHash(receipt.transactionHash) })
    expect(mined.gas).toBeGreaterThanOrEqual(gasFloor)
    expect(mined.from.toLowerCase()).toBe(relayer.address.toLowerCase())
    expect(mined.type).toBe('eip1559')

    // The Failed one, retried once its recipient stops reverting: MessageRetried → Executed.
    await ferry.write({
      address: ferry.reverting,
      abi: revertingRecipientAbi,
      functionName: 'setReverting',
      args: [false],
    })
    const retried = await chain.submit(
      { type: 'retry', message: failed!.encoded, gasLimit: failed!.message.gasLimit },
      { gasFloor, messageIds: [failed!.id] },
    )
    expect(retried.outcomes).toEqual([
      { id: failed!.id, status: MessageStatus.Executed, result: '0x' },
    ])
    await ferry.write({
      address: ferry.reverting,
      abi: revertingRecipientAbi,
      functionName: 'setReverting',
      args: [true],
    })
  })

  it('times out a Failed message past its deadline: TimedOut, no result', async () => {
    const { timestamp } = await ferry.client.getBlock()
    const [message] = await ferry.send({ recipient: ferry.reverting, deadline: timestamp + 60n })
    const chain = ferry.chain()
    const delivered = await chain.submit(
      { type: 'deliverBatch', messages: [message!.encoded], proofs: await ferry.prove([message!]) },
      { gasFloor, messageIds: [message!.id] },
    )
    expect(delivered.outcomes[0]?.status).toBe(MessageStatus.Failed)
    await ferry.test.increaseTime({ seconds: 120 })
    await ferry.test.mine({ blocks: 1 })
    const timedOut = await chain.submit(
      { type: 'timeout', message: message!.encoded },
      { gasFloor, messageIds: [message!.id] },
    )
    expect(timedOut.outcomes).toEqual([
      { id: message!.id, status: MessageStatus.TimedOut, result: '0x' },
    ])
  })

  describe('gas limit', () => {
    const deliver = async (
      gas: Partial<typeof testGas> & { limit?: 'bound' | 'estimate' },
      gasBound: bigint,
      floor = gasFloor,
    ) => {
      const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
      const receipt = await ferry.chain({ gas: { ...testGas, ...gas } }).submit(
        {
          type: 'deliverBatch',
          messages: [message!.encoded],
          proofs: await ferry.prove([message!]),
        },
        { gasFloor: floor, gasBound, messageIds: [message!.id] },
      )
      expect(receipt.outcomes[0]?.status).toBe(MessageStatus.Executed)
      return (await ferry.client.getTransaction({ hash: toHash(receipt.transactionHash) })).gas
    }

    it('`bound` (the default) uses the bound once a simulation at it succeeds', async () => {
      expect(await deliver({}, 1_000_000n)).toBe(1_000_000n)
    })

    it('`bound` falls back to the estimate when the simulation at the bound runs out of gas', async () => {
      // A floor and a bound below what a delivery takes: only the estimate gets it through.
      const gas = await deliver({ limit: 'bound' }, 60_000n, 30_000n)
      expect(gas).toBeGreaterThan(60_000n)
    })

    it('`estimate` ignores the bound: the estimate × 1.2, at least the floor', async () => {
      const gas = await deliver({ limit: 'estimate' }, 1_000_000n)
      expect(gas).not.toBe(1_000_000n)
      expect(gas).toBeGreaterThanOrEqual(gasFloor)
      expect(gas).toBeLessThan(1_000_000n)
    })
  })

  it('throws GasEstimateRevertedError, naming the custom error, for a bad proof', async () => {
    // Sent after another (on another channel): its proof lists at least that leaf as a sibling.
    await ferry.send({ recipient: await ferry.newRecipient() })
    const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
    const [proof] = await ferry.prove([message!])
    // Flip a bit of the first sibling listed, after the checkpoint index, leaf index and zero mask
    // (PROTOCOL §6): the root no longer matches what the validators signed.
    expect(decodeProof(proof!).zeroMask).not.toBe(0xffff_ffff) // some sibling is listed
    const index = 2 + 3 * 8 + 1
    const flipped = toHash(
      `${proof!.slice(0, index)}${proof![index] === '0' ? '1' : '0'}${proof!.slice(index + 1)}`,
    )
    const journal = createMemoryJournal()
    const error = await ferry
      .chain({ journal })
      .submit(
        { type: 'deliverBatch', messages: [message!.encoded], proofs: [flipped] },
        // The bound's simulation fails too; the estimate names the error.
        { gasFloor, gasBound: 1_000_000n, messageIds: [message!.id] },
      )
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GasEstimateRevertedError)
    expect(error).toMatchObject({
      retryable: false,
      call: 'deliverBatch',
      errorName: expect.stringMatching(/^MultisigVerifier|^EndpointProofRejected/),
    })
    expect(journal.list()).toEqual([]) // nothing was signed
  })

  it('resyncs when a foreign transaction from the same key takes its nonce, and still lands', async () => {
    const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
    const journal = createMemoryJournal()
    const chain = ferry.chain({ journal, rpcUrls: [proxy.url] })
    const foreign = createWalletClient({
      chain: hardhat,
      transport: http(ferry.node.rpcUrl),
      account: relayer,
    })
    let foreignHash: Hex | undefined
    // Just before the adapter's first transaction reaches the node, the same key sends another
    // one elsewhere, with the same nonce: the node mines it first (automine).
    proxy.setHook(async ({ method }) => {
      if (method !== 'eth_sendRawTransaction' || foreignHash) return
      foreignHash = await foreign.sendTransaction({ to: relayer.address, value: 1n })
      await ferry.client.waitForTransactionReceipt({ hash: foreignHash })
    })
    try {
      const receipt = await chain.submit(
        {
          type: 'deliverBatch',
          messages: [message!.encoded],
          proofs: await ferry.prove([message!]),
        },
        { gasFloor, messageIds: [message!.id] },
      )
      expect(receipt.outcomes).toEqual([
        { id: message!.id, status: MessageStatus.Executed, result: '0x' },
      ])
      const foreignTx = await ferry.client.getTransaction({ hash: foreignHash! })
      const rows = journal.list()
      expect(rows.map((r) => r.state)).toEqual(['dropped', 'mined'])
      expect(rows[0]!.entry.nonce).toBe(BigInt(foreignTx.nonce))
      expect(rows[1]!.entry.nonce).toBe(BigInt(foreignTx.nonce) + 1n)
      expect(rows[1]!.entry.transactionHash).toBe(receipt.transactionHash)
    } finally {
      proxy.setHook(undefined)
    }
  })

  it('throws GasPriceAboveCapError when the base fee is above the cap, signing nothing', async () => {
    const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
    const journal = createMemoryJournal()
    await mineWithBaseFee(testGas.maxFeePerGas + 1n)
    try {
      const error = await ferry
        .chain({ journal })
        .submit(
          {
            type: 'deliverBatch',
            messages: [message!.encoded],
            proofs: await ferry.prove([message!]),
          },
          { gasFloor, messageIds: [message!.id] },
        )
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GasPriceAboveCapError)
      expect(error).toMatchObject({ retryable: true, cap: testGas.maxFeePerGas })
      expect(journal.list()).toEqual([])
    } finally {
      await mineWithBaseFee(parseGwei('1'))
    }
  })

  it('replaces a transaction stuck behind a base-fee spike with bumped fees', async () => {
    const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
    const proofs = await ferry.prove([message!])
    await mineWithBaseFee(parseGwei('1'))
    const spike = parseGwei('20')
    const journal = createMemoryJournal()
    const chain = ferry.chain({ journal, rpcUrls: [proxy.url] })

    // From the moment the transaction is sent, every block has a base fee of 20 gwei, far above
    // the ~3 gwei it offers: only a replacement can get in.
    let mining = false
    let miner: Promise<void> | undefined
    await ferry.test.setAutomine(false)
    proxy.setHook(({ method }) => {
      if (method !== 'eth_sendRawTransaction' || mining) return
      mining = true
      miner = (async () => {
        while (mining) {
          await new Promise((resolve) => setTimeout(resolve, 100))
          await mineWithBaseFee(spike)
        }
      })()
    })
    try {
      const receipt = await chain.submit(
        { type: 'deliverBatch', messages: [message!.encoded], proofs },
        { gasFloor, messageIds: [message!.id] },
      )
      expect(receipt.outcomes).toEqual([
        { id: message!.id, status: MessageStatus.Executed, result: '0x' },
      ])
      const rows = journal.list()
      expect(rows.length).toBeGreaterThanOrEqual(2)
      const [first, ...replacements] = rows
      const last = replacements.at(-1)!
      expect(first!.state).toBe('replaced')
      expect(last).toMatchObject({
        state: 'mined',
        entry: { transactionHash: receipt.transactionHash },
      })
      expect(new Set(rows.map((r) => r.entry.nonce)).size).toBe(1) // same nonce throughout
      expect(first!.entry.maxFeePerGas).toBeLessThan(spike)
      expect(last.entry.maxFeePerGas).toBeGreaterThanOrEqual(spike)
      expect(last.entry.maxFeePerGas).toBeLessThanOrEqual(testGas.maxFeePerGas)
      expect(last.entry.maxPriorityFeePerGas).toBeGreaterThanOrEqual(
        (first!.entry.maxPriorityFeePerGas * 120n) / 100n,
      )
      const mined = await ferry.client.getTransactionReceipt({
        hash: toHash(receipt.transactionHash),
      })
      expect(mined.effectiveGasPrice).toBeGreaterThanOrEqual(spike)
    } finally {
      mining = false
      await miner
      proxy.setHook(undefined)
      await ferry.test.setAutomine(true)
      await mineWithBaseFee(parseGwei('1'))
    }
  })
})
