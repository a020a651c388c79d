// The sdk's test world, for the write actions' tests: two EVM endpoints on one `hardhat node`
// (domains 31337 and 31338) and an embedded CosmWasm chain (7001), connected both ways by the
// testkit, and a Ferry client over them that signs as the test deployer (EVM) and the test user
// (CosmWasm). `relay` is the test's relayer: it proves and delivers what an origin sent. With
// `htlc`, each chain also has a HashedTimelock, peered with the others by the testkit (the swap
// actions' tests; the others never deploy them).
import { deliverBatch, fromEmbeddedChain } from '@ferry/cosmwasm-bindings'
import { endpointAbi } from '@ferry/evm-contracts'
import {
  encodeBatchProofs,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import {
  type CosmWasmTestChain,
  connectChains,
  deployEvmTestChain,
  type EvmTestChain,
  startCosmWasmTestChain,
  startHardhatNode,
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  testValidatorKeys,
} from '@ferry/testkit'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { createCosmWasmEmbeddedSource } from '../chains/cosmwasm/createCosmWasmEmbeddedSource.js'
import { createFerryClient } from '../client/createFerryClient.js'
import {
  defineFerryChain,
  type FerryChain,
  type FerryEvmChain,
} from '../client/defineFerryChain.js'

const THRESHOLD = 2

export async function startWorld({ htlc = false }: { htlc?: boolean } = {}) {
  const node = await startHardhatNode({ chainId: 31337 })
  const a = await deployEvmTestChain(node, {
    domain: 31337,
    name: 'evm-a',
    interchainAccounts: true,
    htlc,
  })
  const b = await deployEvmTestChain(node, {
    domain: 31338,
    name: 'evm-b',
    interchainAccounts: true,
    htlc,
  })
  const w = await startCosmWasmTestChain({
    domain: 7001,
    node: 'embedded',
    name: 'wasm',
    interchainAccounts: true,
    htlc,
  })
  await connectChains([a, b, w], {
    validators: (domain) => testValidatorKeys(domain).map((key) => privateKeyToAddress(key)),
    threshold: THRESHOLD,
  })
  if (w.node.type !== 'embedded') throw new Error('the world runs an embedded CosmWasm chain')
  const embedded = w.node.chain
  // Typed `FerryEvmChain` with its literal name: the viem clients' own types cannot be named here.
  const evmChain = <name extends string>(
    chain: EvmTestChain,
    name: name,
  ): FerryEvmChain & { name: name } => ({
    kind: 'evm',
    name,
    domain: chain.domain,
    endpoint: chain.endpoint,
    publicClient: chain.client,
    walletClient: chain.wallet,
    interchainAccountRouter: chain.apps.interchainAccounts?.router,
    htlc: chain.apps.htlc,
  })
  const chains = [
    evmChain(a, 'evm-a'),
    evmChain(b, 'evm-b'),
    defineFerryChain({
      kind: 'cosmwasm',
      name: 'wasm',
      domain: w.domain,
      endpoint: w.endpoint,
      bech32Prefix: TEST_COSMWASM_BECH32_PREFIX,
      source: createCosmWasmEmbeddedSource({ chain: embedded }),
      executor: fromEmbeddedChain(embedded, TEST_COSMWASM_ACCOUNTS.user),
      interchainAccountRouter: w.apps.interchainAccounts?.router,
      htlc: w.apps.htlc,
    }),
  ] as const
  const client = createFerryClient({ chains })

  /**
   * Proofs of `pending` (messages `from` sent), in their order, for one `deliverBatch`: a
   * checkpoint of every message `from` sent, signed by a threshold of its test validators.
   */
  async function prove(
    from: FerryChain,
    pending: readonly { leafIndex: number }[],
  ): Promise<Hex[]> {
    const origin = client.reader(from)
    const { number: head } = await origin.getHead()
    const sent = await origin.getSentMessages(0n, head)
    const tree = new MerkleTree(sent.map(({ id }) => id))
    const index = sent.length - 1
    const checkpoint = {
      origin: from.domain,
      originEndpoint: origin.endpoint,
      root: tree.root(index + 1),
      index,
    }
    const signatures = await sortSignaturesBySigner({
      checkpoint,
      signatures: await Promise.all(
        testValidatorKeys(from.domain)
          .slice(0, THRESHOLD)
          .map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
      ),
    })
    return encodeBatchProofs({
      checkpointIndex: index,
      signatures,
      leaves: pending.map(({ leafIndex }) => ({
        leafIndex,
        branch: tree.getProof(leafIndex, index + 1).branch,
      })),
    })
  }

  /** Proves every message `from` sent to `to` that `to` has not seen, and delivers them. */
  async function relay(from: FerryChain, to: FerryChain): Promise<{ id: Hex; status: number }[]> {
    const origin = client.reader(from)
    const destination = client.reader(to)
    const { number: head } = await origin.getHead()
    const sent = await origin.getSentMessages(0n, head)
    const pending = []
    for (const event of sent)
      if (
        event.message.destination === to.domain &&
        (await destination.getMessageStatus(event.encoded)) === MessageStatus.None
      )
        pending.push(event)
    if (pending.length === 0) return []
    const messages = pending.map(({ encoded }) => encoded)
    const proofs = await prove(from, pending)
    if (to.kind === 'cosmwasm') {
      const relayer = fromEmbeddedChain(embedded, TEST_COSMWASM_ACCOUNTS.relayer)
      await deliverBatch(relayer, { contract: to.endpoint, messages, proofs })
    } else {
      const chain = [a, b].find(({ domain }) => domain === to.domain)
      if (chain === undefined) throw new Error(`no EVM chain ${to.domain}`)
      const hash = await chain.wallet.writeContract({
        address: chain.endpoint,
        abi: endpointAbi,
        functionName: 'deliverBatch',
        args: [messages, proofs],
        account: chain.wallet.account ?? null,
        chain: chain.wallet.chain,
      })
      await chain.client.waitForTransactionReceipt({ hash })
    }
    return Promise.all(
      pending.map(async ({ id, encoded }) => ({
        id,
        status: await destination.getMessageStatus(encoded),
      })),
    )
  }

  return {
    evmA: a,
    evmB: b,
    wasm: w as CosmWasmTestChain,
    embedded,
    client,
    prove,
    relay,
    stop: () => Promise.all([node.stop(), w.stop()]),
  }
}

export type World = Awaited<ReturnType<typeof startWorld>>
