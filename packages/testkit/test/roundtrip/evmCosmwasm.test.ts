// EVM → CosmWasm → EVM in one test process: the Solidity endpoint and PingPong on
// Hardhat's in-process EDR chain (domain 31337), the AssemblyScript endpoint and ping-pong app in
// the embedded CosmWasm VM (domain 7001). The test is the relayer and the validators: it rebuilds
// each endpoint's merkle tree from its events, signs checkpoints with the vector validator keys
// (threshold 3 on both sides) and carries messages and proofs across.
import { readFileSync } from 'node:fs'
import {
  b64,
  Chain,
  eventsOf,
  type Outcome,
  OWNER,
  proveLeaves,
  RELAYER,
  Side,
  wasmPath,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import {
  endpointAbi,
  multisigVerifierAbi,
  pingPongAbi,
  pingPongBytecode,
} from '@ferry/evm-contracts'
import { deployFerry, getSentMessages } from '@ferry/evm-contracts/testing'
import {
  bech32ToBytes32,
  encodeProof,
  evmAddressToBytes32,
  getMessageId,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { createHardhatRuntimeEnvironment } from 'hardhat/hre'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  custom,
  type EIP1193Provider,
  type Hex,
  type PublicClient,
  parseEventLogs,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { beforeAll, describe, expect, it } from 'vitest'

const EVM_DOMAIN = 31337
// The spec's vector validators sign both chains' checkpoints.
const VALIDATORS = checkpointsVectors.validators
const COSMWASM_DOMAIN = 7001
/** Hardhat's first default account. */
const DEPLOYER = privateKeyToAccount(
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
)

type Evm = { client: PublicClient; wallet: WalletClient; endpoint: Address; verifier: Address }

async function startEvm(): Promise<Evm> {
  // An in-process EDR chain from an inline config (no hardhat.config.ts needed in this package).
  const hre = await createHardhatRuntimeEnvironment(
    { networks: { default: { type: 'edr-simulated', chainType: 'l1', chainId: EVM_DOMAIN } } },
    {},
    import.meta.dirname,
  )
  const { provider } = await hre.network.connect()
  // CAST: Hardhat's EthereumProvider implements EIP-1193's `request`, all viem's `custom` uses.
  const transport = custom(provider as unknown as EIP1193Provider)
  const client = createPublicClient({ chain: hardhat, transport, pollingInterval: 10 })
  const wallet = createWalletClient({ chain: hardhat, transport, account: DEPLOYER })
  const { endpoint, verifier } = await deployFerry({ client, wallet }, { domain: EVM_DOMAIN })
  return { client, wallet, endpoint, verifier }
}

async function write(evm: Evm, request: Parameters<WalletClient['writeContract']>[0]) {
  const hash = await evm.wallet.writeContract(request)
  const receipt = await evm.client.waitForTransactionReceipt({ hash })
  expect(receipt.status).toBe('success')
  return receipt
}

describe('EVM → CosmWasm → EVM round trip', () => {
  let evm: Evm
  let evmApp: Address
  let chain: Chain
  let cosmwasm: Side
  let cosmwasmApp: string

  /** Executes on the embedded chain, recording the endpoint's sent messages (as an indexer). */
  async function execute(sender: string, contract: string, msg: unknown): Promise<Outcome> {
    const out = await chain.must(sender, contract, msg)
    for (const sent of eventsOf(out, 'ferry_message_sent')) {
      if (sent._contract_address !== cosmwasm.endpoint) continue
      // CAST: the endpoint emits `message` as 0x-prefixed hex.
      const message = sent.message as Hex
      expect(Number(sent.leaf_index)).toBe(cosmwasm.tree.count)
      cosmwasm.tree.insert(getMessageId(message))
      cosmwasm.sent.push({
        id: getMessageId(message),
        message,
        leafIndex: Number(sent.leaf_index),
        nonce: BigInt(sent.nonce ?? 0),
        destination: Number(sent.destination),
      })
    }
    return out
  }

  beforeAll(async () => {
    ;[evm, chain] = await Promise.all([startEvm(), Chain.create()])
    const validators = VALIDATORS.map((v) => v.address)

    // CosmWasm: endpoint 7001 accepting 31337 (vector validators, threshold 3), no fees.
    cosmwasm = new Side(COSMWASM_DOMAIN, await chain.endpoint(COSMWASM_DOMAIN))
    for (const domain of [EVM_DOMAIN, COSMWASM_DOMAIN])
      await chain.must(OWNER, cosmwasm.endpoint, { set_fee_config: { domain, config: ZERO_FEES } })
    await chain.must(OWNER, cosmwasm.endpoint, {
      set_origin: {
        origin: EVM_DOMAIN,
        origin_endpoint: evmAddressToBytes32(evm.endpoint),
        validators,
        threshold: 3,
      },
    })
    const code = chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('ping-pong'))).unwrap()
    cosmwasmApp = await chain.instantiate(code, { endpoint: cosmwasm.endpoint }, 'ping-pong')

    // EVM: the verifier trusts the CosmWasm endpoint's validators; fee configs both ways. The
    // SDK's `connectEndpoints` takes an EVM address for the remote, so this is done by hand.
    const account = DEPLOYER
    await write(evm, {
      address: evm.verifier,
      abi: multisigVerifierAbi,
      functionName: 'setOrigin',
      args: [COSMWASM_DOMAIN, cosmwasm.bytes32, validators, 3],
      account,
      chain: hardhat,
    })
    await write(evm, {
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'setDefaultVerifier',
      args: [COSMWASM_DOMAIN, evm.verifier],
      account,
      chain: hardhat,
    })
    for (const domain of [COSMWASM_DOMAIN, EVM_DOMAIN]) {
      await write(evm, {
        address: evm.endpoint,
        abi: endpointAbi,
        functionName: 'setFeeConfig',
        args: [
          domain,
          {
            gasPrice: 1_000_000_000n,
            rate: 10n ** 18n,
            baseFee: 0n,
            gasOverhead: 100_000,
            gasPerByte: 16,
            maxGasLimit: 16_777_216,
          },
        ],
        account,
        chain: hardhat,
      })
    }
    const hash = await evm.wallet.deployContract({
      abi: pingPongAbi,
      bytecode: pingPongBytecode,
      args: [evm.endpoint, DEPLOYER.address],
      account,
      chain: hardhat,
    })
    const receipt = await evm.client.waitForTransactionReceipt({ hash })
    if (!receipt.contractAddress) throw new Error('PingPong not deployed')
    evmApp = receipt.contractAddress

    // The two ping-pong apps are each other's peers.
    await write(evm, {
      address: evmApp,
      abi: pingPongAbi,
      functionName: 'setPeer',
      args: [COSMWASM_DOMAIN, bech32ToBytes32(cosmwasmApp)],
      account,
      chain: hardhat,
    })
    await chain.must(OWNER, cosmwasmApp, {
      set_peer: { domain: EVM_DOMAIN, peer: evmAddressToBytes32(evmApp) },
    })
  })

  it('EVM PingPong pings the CosmWasm ping-pong app; its pong and the ack come back to EVM', async () => {
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

    // 2. Relay the ping to CosmWasm: the EVM endpoint's tree from its events, a checkpoint
    // signed by three validators.
    const evmTree = new MerkleTree(sentOnEvm.map((m) => m.id))
    const checkpoint = {
      origin: EVM_DOMAIN,
      originEndpoint: evmAddressToBytes32(evm.endpoint),
      root: evmTree.root(),
      index: evmTree.count - 1,
    }
    const [root] = await evm.client.readContract({
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'latestCheckpoint',
    })
    expect(root).toBe(checkpoint.root)
    const signatures = await sortSignaturesBySigner({
      checkpoint,
      signatures: await Promise.all(
        VALIDATORS.slice(0, 3).map((v) => signCheckpoint({ privateKey: v.privateKey, checkpoint })),
      ),
    })
    const proof = encodeProof({
      checkpointIndex: checkpoint.index,
      leafIndex: ping.leafIndex,
      branch: evmTree.getProof(ping.leafIndex).branch,
      signatures,
    })
    const delivered = await execute(RELAYER, cosmwasm.endpoint, {
      deliver: { message: b64(ping.encoded), proof: b64(proof) },
    })
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
    const proofs = await Promise.all(
      cosmwasm.sent.map((s) =>
        proveLeaves(
          cosmwasm,
          cosmwasm.sent.map((m) => m.id),
          s.leafIndex,
          VALIDATORS.slice(0, 3).map((v) => v.privateKey),
        ),
      ),
    )
    const receipt = await write(evm, {
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'deliverBatch',
      args: [[pong!.message, ack!.message], proofs],
      account: DEPLOYER,
      chain: hardhat,
    })
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
