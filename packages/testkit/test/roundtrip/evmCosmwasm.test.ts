// EVM → CosmWasm → EVM: the kit's EVM test chain (`hardhat node`, domain 31337) with its
// PingPong, and its embedded CosmWasm chain (7001) with the AssemblyScript ping-pong app, connected
// both ways (two of each origin's three test validators; no fees on CosmWasm, whose app pays
// nothing for its pong). The test relays (./relayAcrossKinds.ts): it signs each origin's latest
// checkpoint with the validator keys and carries messages and proofs across.
import { messageStatus } from '@ferry/cosmwasm-bindings'
import { endpointAbi, pingPongAbi } from '@ferry/evm-contracts'
import { getSentMessages } from '@ferry/evm-contracts/testing'
import { bech32ToBytes32, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import type { Address } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvmTestChain } from '../../src/chains/deployEvmTestChain.js'
import type { CosmWasmTestChain } from '../../src/chains/startCosmWasmTestChain.js'
import { TEST_COSMWASM_ACCOUNTS } from '../../src/keys/testAccounts.js'
import { ZERO_FEES } from '../zeroFees.js'
import { cosmWasmSentMessages, relayToCosmWasm, relayToEvm } from './relayAcrossKinds.js'
import { type EvmCosmWasmPair, startEvmCosmWasmPair } from './startEvmCosmWasmPair.js'

const { owner } = TEST_COSMWASM_ACCOUNTS

describe('EVM → CosmWasm → EVM round trip', () => {
  let pair: EvmCosmWasmPair
  let evm: EvmTestChain
  let wasm: CosmWasmTestChain
  let evmApp: Address
  let cosmwasmApp: string

  beforeAll(async () => {
    pair = await startEvmCosmWasmPair({ cosmwasmFees: ZERO_FEES })
    ;({ evm, wasm } = pair)
    evmApp = evm.apps.pingPong
    cosmwasmApp = await pair.instantiateCosmWasmApp('ping-pong')

    // The two ping-pong apps are each other's peers.
    const hash = await evm.wallet.writeContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'setPeer',
      args: [wasm.domain, bech32ToBytes32(cosmwasmApp)],
      account: evm.wallet.account ?? null,
      chain: evm.wallet.chain,
    })
    expect((await evm.client.waitForTransactionReceipt({ hash })).status).toBe('success')
    await wasm.executor.execute(owner, cosmwasmApp, {
      set_peer: { domain: evm.domain, peer: evmAddressToBytes32(evmApp) },
    })
  })
  afterAll(async () => {
    await pair?.stop()
  })

  it('EVM PingPong pings the CosmWasm ping-pong app; its pong and the ack come back to EVM', async () => {
    // 1. EVM: ping, paying the quote.
    const fee = await evm.client.readContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'quote',
      args: [wasm.domain, 4n, 300_000, 100_000],
    })
    const pingHash = await evm.wallet.writeContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'ping',
      args: [wasm.domain],
      value: fee,
      account: evm.wallet.account ?? null,
      chain: evm.wallet.chain,
    })
    expect((await evm.client.waitForTransactionReceipt({ hash: pingHash })).status).toBe('success')
    const sentOnEvm = await getSentMessages(evm.client, { endpoint: evm.endpoint })
    expect(sentOnEvm).toHaveLength(1)
    const ping = sentOnEvm[0]!
    expect(ping.message).toMatchObject({
      flags: 2,
      origin: evm.domain,
      sender: evmAddressToBytes32(evmApp),
      destination: wasm.domain,
      recipient: bech32ToBytes32(cosmwasmApp),
      gasLimit: 300_000,
      ackGasLimit: 100_000,
    })

    // 2. Relay the ping to CosmWasm.
    const [delivered, ...more] = await relayToCosmWasm(evm, wasm, pair.signers(evm.domain))
    expect(more).toEqual([])
    expect(
      delivered?.delivery.events.filter((event) => event.type === 'messageDelivered'),
    ).toMatchObject([
      {
        id: ping.id,
        origin: evm.domain,
        status: MessageStatus.Executed,
        result: '0x0000000000000001',
      },
    ])
    expect(
      await messageStatus(wasm.executor, { contract: wasm.endpoint, message: ping.encoded }),
    ).toBe(MessageStatus.Executed)
    expect(await wasm.executor.query(cosmwasmApp, { state: {} })).toMatchObject({
      pings_received: '1',
    })
    // The CosmWasm endpoint sent the pong (from the handler) and then the ack.
    const sentOnCosmWasm = cosmWasmSentMessages(wasm)
    expect(sentOnCosmWasm.map((sent) => sent.destination)).toEqual([evm.domain, evm.domain])
    const [pong, ack] = sentOnCosmWasm

    // 3. Relay the pong and the ack back to EVM in one deliverBatch.
    const outcomes = await relayToEvm(wasm, evm, pair.signers(wasm.domain))
    expect(outcomes.map((outcome) => [outcome.id, outcome.status])).toEqual([
      [pong!.id, MessageStatus.Executed],
      [ack!.id, MessageStatus.Executed],
    ])
    expect(new Set(outcomes.map((outcome) => outcome.receipt.transactionHash)).size).toBe(1)
    for (const message of [pong!, ack!]) {
      const status = await evm.client.readContract({
        address: evm.endpoint,
        abi: endpointAbi,
        functionName: 'messageStatus',
        args: [message.message],
      })
      expect(status).toBe(MessageStatus.Executed)
    }

    // 4. The EVM app's handlers ran: one pong, one ack of the ping with the pong's nonce.
    const pongs = await evm.client.readContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'pongsReceived',
    })
    expect(pongs).toBe(1n)
    const [count, lastId, lastStatus, lastResult] = await evm.client.readContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'acks',
    })
    expect({ count, lastId, lastStatus, lastResult }).toEqual({
      count: 1n,
      lastId: ping.id,
      lastStatus: MessageStatus.Executed,
      lastResult: '0x0000000000000001',
    })
  }, 60_000)
})
