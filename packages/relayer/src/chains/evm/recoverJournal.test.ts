import { endpointAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/protocol'
import { createWalletClient, encodeFunctionData, type Hex, http, keccak256, parseGwei } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EndpointCall, JournalEntry, TransactionJournal } from '../types.js'
import { type FerryFixture, keys, startFerry, toHash } from './test/ferryFixture.js'
import { createMemoryJournal, type MemoryJournal } from './test/memoryJournal.js'

let ferry: FerryFixture

beforeAll(async () => {
  ferry = await startFerry()
}, 60_000)
afterAll(async () => {
  await ferry?.stop()
})

const relayer = privateKeyToAccount(keys.relayer)
const gasFloor = 150_000n

class Crash extends Error {
  override name = 'Crash'
}

/**
 * The journal of a process that dies at a chosen point: right after recording a signed
 * transaction (so it is never broadcast), or when about to record one as mined.
 */
function crashingJournal(inner: TransactionJournal) {
  const crash = { afterSigned: false, beforeMined: false }
  const journal: TransactionJournal = {
    highestNonce: (domain, sender) => inner.highestNonce(domain, sender),
    unfinished: (domain, sender) => inner.unfinished(domain, sender),
    async recordSigned(entry) {
      await inner.recordSigned(entry)
      if (crash.afterSigned) throw new Crash('died after journaling, before broadcasting')
    },
    async recordFinished(hash, state) {
      if (state === 'mined' && crash.beforeMined) throw new Crash('died before recording mined')
      await inner.recordFinished(hash, state)
    },
  }
  return { journal, crash }
}

/** A fresh message to a fresh recipient, and the call that delivers it. */
async function deliverable(): Promise<{ id: Hex; encoded: Hex; call: EndpointCall }> {
  const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
  const proofs = await ferry.prove([message!])
  return {
    id: message!.id,
    encoded: message!.encoded,
    call: { type: 'deliverBatch', messages: [message!.encoded], proofs },
  }
}

/** Signs `call` with the relayer's key at `nonce` and journals it, as a process that then died. */
async function journalSigned(
  journal: MemoryJournal,
  call: EndpointCall,
  nonce: bigint,
  ids: Hex[],
) {
  if (call.type !== 'deliverBatch') throw new Error('deliverBatch only')
  const fees = { maxFeePerGas: parseGwei('10'), maxPriorityFeePerGas: parseGwei('1') }
  const raw = await relayer.signTransaction({
    type: 'eip1559',
    chainId: hardhat.id,
    to: ferry.destination.endpoint,
    data: encodeFunctionData({
      abi: endpointAbi,
      functionName: 'deliverBatch',
      args: [call.messages, call.proofs],
    }),
    gas: 1_000_000n,
    nonce: Number(nonce),
    ...fees,
  })
  const entry: JournalEntry = {
    domain: ferry.destination.domain,
    sender: relayer.address,
    nonce,
    transactionHash: keccak256(raw),
    raw,
    call: call.type,
    messageIds: ids,
    ...fees,
  }
  await journal.recordSigned(entry)
  return entry
}

describe('recover', () => {
  it('returns what was mined while down, and sends again what never left', async () => {
    const memory = createMemoryJournal()
    const { journal, crash } = crashingJournal(memory)
    const before = ferry.chain({ journal })
    const a = await deliverable()
    const b = await deliverable()

    crash.beforeMined = true
    await expect(before.submit(a.call, { gasFloor, messageIds: [a.id] })).rejects.toThrow(Crash)
    crash.beforeMined = false
    crash.afterSigned = true
    await expect(before.submit(b.call, { gasFloor, messageIds: [b.id] })).rejects.toThrow(Crash)
    const [minedWhileDown, neverSent] = memory.list().map((row) => row.entry)
    expect(memory.list().map((row) => row.state)).toEqual(['signed', 'signed'])
    expect(neverSent!.nonce).toBe(minedWhileDown!.nonce + 1n)
    expect(await ferry.client.getTransactionCount({ address: relayer.address })).toBe(
      Number(neverSent!.nonce), // the second one never reached the node
    )

    const after = ferry.chain({ journal: memory }) // the restarted process
    const recovered = await after.recover()

    expect(recovered).toEqual([
      {
        call: 'deliverBatch',
        messageIds: [a.id],
        receipt: expect.objectContaining({
          transactionHash: minedWhileDown!.transactionHash,
          status: 'success',
          outcomes: [{ id: a.id, status: MessageStatus.Executed, result: '0x' }],
        }),
      },
      {
        call: 'deliverBatch',
        messageIds: [b.id],
        receipt: expect.objectContaining({
          transactionHash: neverSent!.transactionHash, // the same signed bytes, sent again
          status: 'success',
          outcomes: [{ id: b.id, status: MessageStatus.Executed, result: '0x' }],
        }),
      },
    ])
    expect(memory.list().map((row) => row.state)).toEqual(['mined', 'mined'])
    expect(await after.recover()).toEqual([]) // nothing left to settle

    // New work continues at the next nonce.
    const c = await deliverable()
    const receipt = await after.submit(c.call, { gasFloor, messageIds: [c.id] })
    const tx = await ferry.client.getTransaction({ hash: toHash(receipt.transactionHash) })
    expect(BigInt(tx.nonce)).toBe(neverSent!.nonce + 1n)
  })

  it('drops a spent nonce, a call that would revert, and whatever is behind the gap', async () => {
    const journal = createMemoryJournal()
    const chain = ferry.chain({ journal })
    const delivered = await deliverable()
    await chain.submit(delivered.call, { gasFloor, messageIds: [delivered.id] })
    const pending = BigInt(
      await ferry.client.getTransactionCount({ address: relayer.address, blockTag: 'pending' }),
    )

    // nonce p: journaled, then spent by a transaction sent with the same key elsewhere.
    const spentCall = await deliverable()
    const spent = await journalSigned(journal, spentCall.call, pending, [spentCall.id])
    const foreign = createWalletClient({
      chain: hardhat,
      transport: http(ferry.node.rpcUrl),
      account: relayer,
    })
    await ferry.client.waitForTransactionReceipt({
      hash: await foreign.sendTransaction({
        to: relayer.address,
        value: 1n,
        nonce: Number(pending),
      }),
    })
    // nonce p+1: delivering a message that is already delivered would revert.
    const stale = await journalSigned(journal, delivered.call, pending + 1n, [delivered.id])
    // nonce p+2: valid, but it could never be mined behind the dropped p+1.
    const behind = await deliverable()
    const behindEntry = await journalSigned(journal, behind.call, pending + 2n, [behind.id])

    const sentBefore = await ferry.client.getTransactionCount({ address: relayer.address })
    expect(await ferry.chain({ journal }).recover()).toEqual([])
    expect([spent, stale, behindEntry].map((e) => journal.state(e.transactionHash))).toEqual([
      'dropped',
      'dropped',
      'dropped',
    ])
    // Nothing was broadcast: the behind one's message is still undelivered.
    expect(await ferry.client.getTransactionCount({ address: relayer.address })).toBe(sentBefore)
    expect(await chain.getMessageStatus(behind.encoded)).toBe(MessageStatus.None)

    // The next submit fills p+1 (dropped entries free their nonces), and the message lands.
    const receipt = await chain.submit(behind.call, { gasFloor, messageIds: [behind.id] })
    expect(receipt.outcomes[0]?.status).toBe(MessageStatus.Executed)
    const tx = await ferry.client.getTransaction({ hash: toHash(receipt.transactionHash) })
    expect(BigInt(tx.nonce)).toBe(pending + 1n)
  })
})
