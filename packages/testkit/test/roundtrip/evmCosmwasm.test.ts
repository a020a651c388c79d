// EVM → CosmWasm → EVM in one test process: the Solidity endpoint and PingPong on
// Hardhat's in-process EDR chain (domain 31337), the AssemblyScript endpoint and ping-pong app in
// the embedded CosmWasm VM (domain 7001). The test is the relayer and the validators
// (./evmCosmwasmWorld.ts): it rebuilds each endpoint's merkle tree from its events, signs
// checkpoints with the vector validator keys (threshold 3 on both sides) and carries messages
// and proofs across.
import { readFileSync } from 'node:fs'
import { b64, eventsOf, OWNER, wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { endpointAbi, pingPongAbi, pingPongBytecode } from '@ferry/evm-contracts'
import { getSentMessages } from '@ferry/evm-contracts/testing'
import { bech32ToBytes32, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { type Address, parseEventLogs } from 'viem'
import { hardhat } from 'viem/chains'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  COSMWASM_DOMAIN,
  DEPLOYER,
  EVM_DOMAIN,
  type EvmCosmwasmWorld,
  startEvmCosmwasmWorld,
} from './evmCosmwasmWorld.ts'

describe('EVM → CosmWasm → EVM round trip', () => {
  let world: EvmCosmwasmWorld
  let evmApp: Address
  let cosmwasmApp: string

  beforeAll(async () => {
    world = await startEvmCosmwasmWorld()
    const { chain, cosmwasm, evm } = world
    const code = chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('ping-pong'))).unwrap()
    cosmwasmApp = await chain.instantiate(code, { endpoint: cosmwasm.endpoint }, 'ping-pong')
    evmApp = await world.deploy(pingPongAbi, pingPongBytecode, [evm.endpoint, DEPLOYER.address])

    // The two ping-pong apps are each other's peers.
    await world.write({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'setPeer',
      args: [COSMWASM_DOMAIN, bech32ToBytes32(cosmwasmApp)],
      account: DEPLOYER,
      chain: hardhat,
    })
    await chain.must(OWNER, cosmwasmApp, {
      set_peer: { domain: EVM_DOMAIN, peer: evmAddressToBytes32(evmApp) },
    })
  })

  it('EVM PingPong pings the CosmWasm ping-pong app; its pong and the ack come back to EVM', async () => {
    const { chain, cosmwasm, evm } = world
    // 1. EVM: ping, paying the quote.
    const fee = await evm.client.readContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'quote',
      args: [COSMWASM_DOMAIN, 4n, 300_000, 100_000],
    })
    const pingHash = await evm.wallet.writeContract({
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'ping',
      args: [COSMWASM_DOMAIN],
      value: fee,
      account: DEPLOYER,
      chain: hardhat,
    })
    expect((await evm.client.waitForTransactionReceipt({ hash: pingHash })).status).toBe('success')
    const sentOnEvm = await getSentMessages(evm.client, { endpoint: evm.endpoint })
    expect(sentOnEvm).toHaveLength(1)
    const ping = sentOnEvm[0]!
    expect(ping.message).toMatchObject({
      flags: 2,
      origin: EVM_DOMAIN,
      sender: evmAddressToBytes32(evmApp),
      destination: COSMWASM_DOMAIN,
      recipient: bech32ToBytes32(cosmwasmApp),
      gasLimit: 300_000,
      ackGasLimit: 100_000,
    })

    // 2. Relay the ping to CosmWasm.
    const delivered = await world.relayToCosmwasm(ping.id)
    expect(eventsOf(delivered, 'ferry_message_delivered')).toMatchObject([
      {
        id: ping.id,
        origin: String(EVM_DOMAIN),
        status: String(MessageStatus.Executed),
        result: '0x0000000000000001',
      },
    ])
    expect(
      chain.query(cosmwasm.endpoint, { message_status: { message: b64(ping.encoded) } }),
    ).toEqual({ status: MessageStatus.Executed })
    expect(chain.query(cosmwasmApp, { state: {} })).toMatchObject({ pings_received: '1' })
    // The CosmWasm endpoint sent the pong (from the handler) and then the ack.
    expect(cosmwasm.sent.map((s) => s.destination)).toEqual([EVM_DOMAIN, EVM_DOMAIN])
    const [pong, ack] = cosmwasm.sent

    // 3. Relay the pong and the ack back to EVM in one deliverBatch.
    const receipt = await world.relayToEvm([pong!.message, ack!.message])
    const outcomes = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageDelivered',
      logs: receipt.logs,
    })
    expect(outcomes.map((log) => [log.args.id, log.args.status])).toEqual([
      [pong!.id, MessageStatus.Executed],
      [ack!.id, MessageStatus.Executed],
    ])
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
