// One EVM chain and one embedded CosmWasm chain in the test process, each endpoint trusting the
// other's (the spec's vector validators, threshold 3), and the test as their relayer: it rebuilds
// each endpoint's merkle tree from its events, signs checkpoints and carries messages and proofs
// across. The Solidity endpoint runs on Hardhat's in-process EDR chain (domain 31337), the
// AssemblyScript one in the embedded VM (domain 7001, no fees).
import {
  b64,
  Chain,
  eventsOf,
  type Outcome,
  OWNER,
  proveLeaves,
  RELAYER,
  Side,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import { endpointAbi, multisigVerifierAbi } from '@ferry/evm-contracts'
import { deployFerry, getSentMessages } from '@ferry/evm-contracts/testing'
import {
  encodeProof,
  evmAddressToBytes32,
  getMessageId,
  MerkleTree,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { createHardhatRuntimeEnvironment } from 'hardhat/hre'
import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  custom,
  type EIP1193Provider,
  type Hex,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { expect } from 'vitest'

export const EVM_DOMAIN = 31337
export const COSMWASM_DOMAIN = 7001
// The spec's vector validators sign both chains' checkpoints.
export const VALIDATORS = checkpointsVectors.validators
/** Hardhat's first default account. */
export const DEPLOYER = privateKeyToAccount(
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
)

export type Evm = {
  client: PublicClient
  wallet: WalletClient
  /** Hardhat's clock, balances and mining. */
  testClient: TestClient
  endpoint: Address
  verifier: Address
}

export type EvmCosmwasmWorld = {
  evm: Evm
  chain: Chain
  cosmwasm: Side
  /** Executes on the embedded chain, recording the endpoint's sent messages (as an indexer). */
  execute: (
    sender: string,
    contract: string,
    msg: unknown,
    funds?: { denom: string; amount: string }[],
  ) => Promise<Outcome>
  /** Sends a transaction and asserts it succeeded. */
  write: (request: Parameters<WalletClient['writeContract']>[0]) => Promise<TransactionReceipt>
  /** Deploys a contract from the deployer. */
  deploy: (abi: Abi, bytecode: Hex, args: readonly unknown[]) => Promise<Address>
  /** Proves the EVM endpoint's message `id` and delivers it to the CosmWasm endpoint. */
  relayToCosmwasm: (id: Hex) => Promise<Outcome>
  /** Proves the CosmWasm endpoint's sent `messages` and delivers them to EVM in one batch. */
  relayToEvm: (messages: readonly Hex[]) => Promise<TransactionReceipt>
}

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
  const testClient = createTestClient({ chain: hardhat, mode: 'hardhat', transport })
  const { endpoint, verifier } = await deployFerry({ client, wallet }, { domain: EVM_DOMAIN })
  return { client, wallet, testClient, endpoint, verifier }
}

export async function startEvmCosmwasmWorld(): Promise<EvmCosmwasmWorld> {
  const [evm, chain] = await Promise.all([startEvm(), Chain.create()])
  const validators = VALIDATORS.map((v) => v.address)
  const signers = VALIDATORS.slice(0, 3).map((v) => v.privateKey)

  const write = async (request: Parameters<WalletClient['writeContract']>[0]) => {
    const hash = await evm.wallet.writeContract(request)
    const receipt = await evm.client.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    return receipt
  }
  const cosmwasm = new Side(COSMWASM_DOMAIN, await chain.endpoint(COSMWASM_DOMAIN))
  const execute: EvmCosmwasmWorld['execute'] = async (sender, contract, msg, funds = []) => {
    const out = await chain.must(sender, contract, msg, funds)
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

  // CosmWasm: endpoint 7001 accepting 31337, no fees.
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

  // EVM: the verifier trusts the CosmWasm endpoint's validators; fee configs both ways. The
  // SDK's `connectEndpoints` takes an EVM address for the remote, so this is done by hand.
  const account = DEPLOYER
  await write({
    address: evm.verifier,
    abi: multisigVerifierAbi,
    functionName: 'setOrigin',
    args: [COSMWASM_DOMAIN, cosmwasm.bytes32, validators, 3],
    account,
    chain: hardhat,
  })
  await write({
    address: evm.endpoint,
    abi: endpointAbi,
    functionName: 'setDefaultVerifier',
    args: [COSMWASM_DOMAIN, evm.verifier],
    account,
    chain: hardhat,
  })
  for (const domain of [COSMWASM_DOMAIN, EVM_DOMAIN]) {
    await write({
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

  const deploy: EvmCosmwasmWorld['deploy'] = async (abi, bytecode, args) => {
    const hash = await evm.wallet.deployContract({ abi, bytecode, args, account, chain: hardhat })
    const receipt = await evm.client.waitForTransactionReceipt({ hash })
    if (!receipt.contractAddress) throw new Error('not deployed')
    return receipt.contractAddress
  }

  const relayToCosmwasm: EvmCosmwasmWorld['relayToCosmwasm'] = async (id) => {
    const sent = await getSentMessages(evm.client, { endpoint: evm.endpoint })
    const tree = new MerkleTree(sent.map((m) => m.id))
    const message = sent.find((m) => m.id === id)
    if (!message) throw new Error(`message ${id} not sent by the EVM endpoint`)
    const checkpoint = {
      origin: EVM_DOMAIN,
      originEndpoint: evmAddressToBytes32(evm.endpoint),
      root: tree.root(),
      index: tree.count - 1,
    }
    const signatures = await sortSignaturesBySigner({
      checkpoint,
      signatures: await Promise.all(
        signers.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
      ),
    })
    const proof = encodeProof({
      checkpointIndex: checkpoint.index,
      leafIndex: message.leafIndex,
      branch: tree.getProof(message.leafIndex).branch,
      signatures,
    })
    return execute(RELAYER, cosmwasm.endpoint, {
      deliver: { message: b64(message.encoded), proof: b64(proof) },
    })
  }

  const relayToEvm: EvmCosmwasmWorld['relayToEvm'] = async (messages) => {
    const ids = cosmwasm.sent.map((m) => m.id)
    const proofs = await Promise.all(
      messages.map((message) => {
        const leafIndex = cosmwasm.sent.findIndex((s) => s.message === message)
        if (leafIndex < 0) throw new Error('message not sent by the CosmWasm endpoint')
        return proveLeaves(cosmwasm, ids, leafIndex, signers)
      }),
    )
    return write({
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'deliverBatch',
      args: [messages, proofs],
      account,
      chain: hardhat,
    })
  }

  return { evm, chain, cosmwasm, execute, write, deploy, relayToCosmwasm, relayToEvm }
}
