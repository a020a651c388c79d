// Two or more EVM chains for the relayer's end-to-end tests: each a real `hardhat node` on
// 127.0.0.1 with a Ferry endpoint and multisig verifier (the testkit's chains), connected to
// every other chain (three validators per origin, two must sign), and test apps: three
// TestRecipients (senders with ack handlers, and recipients) and one RevertingRecipient (handler
// failures on demand).
import { endpointAbi, revertingRecipientAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { evmAddressToBytes32 } from '@ferry/protocol'
import {
  connectChains,
  type EvmTestChain,
  startTestChain,
  TEST_DEPLOYER_KEY,
  TEST_RELAYER_KEYS,
  testValidatorKeys,
} from '@ferry/testkit'
import { type Address, type ContractFunctionReturnType, type Hex, parseEventLogs } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'

export { HARDHAT_KEYS } from '@ferry/testkit'

/** Deployer and sender of test messages. */
export const DEPLOYER_KEY: Hex = TEST_DEPLOYER_KEY
/** The relayers' keys (one per relayer process in tests with several). */
export const RELAYER_KEYS = TEST_RELAYER_KEYS

/** The validators of origin `domain`: three, two of which must sign. */
export const validatorKeys = (domain: number): Hex[] => testValidatorKeys(domain)
/** Validator `i` (0–2) of origin `domain`. */
export const validatorKey = (domain: number, i: number): Hex => validatorKeys(domain)[i] ?? '0x'
export const THRESHOLD = 2

export type EvmChain = Omit<EvmTestChain, 'apps'> & {
  /** Three TestRecipients: senders that handle acks, and recipients. */
  apps: [Address, Address, Address]
  /** Every TestRecipient: the three `apps`, then any more the world was asked for. */
  recipients: Address[]
  reverting: Address
  /** The chain as the testkit started it, to connect it to more chains. */
  testChain: EvmTestChain
}

export type EvmWorld = { chains: EvmChain[]; stop(): Promise<void> }

export type StartEvmWorldParameters = {
  domains?: readonly number[]
  /** Mine a block every `intervalMs` (finality needs blocks to keep coming). */
  intervalMs?: number
  /** Also mine each transaction at once (default true; false for a fixed block time). */
  automine?: boolean
  /** TestRecipients per chain, at least three (the `apps`). Default 3. */
  recipients?: number
  /** Domains whose node is an OP Stack rollup (`chainType: 'op'`). Default none. */
  opDomains?: readonly number[]
}

/**
 * Starts `hardhat node`s for `domains` (default 31337 and 31338), deploys and connects Ferry on
 * each, and sets their mining mode.
 *
 * @example
 * const world = await startEvmWorld({ intervalMs: 200 })
 */
export async function startEvmWorld({
  domains = [31337, 31338],
  intervalMs = 200,
  automine = true,
  recipients = 3,
  opDomains = [],
}: StartEvmWorldParameters = {}): Promise<EvmWorld> {
  const started = await Promise.allSettled(
    domains.map((domain) =>
      startTestChain({
        kind: 'evm',
        domain,
        name: `hardhat-${domain}`,
        chainType: opDomains.includes(domain) ? 'op' : 'l1',
        testRecipients: Math.max(3, recipients),
      }),
    ),
  )
  const testChains = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  )
  const stop = async () => {
    await Promise.all(testChains.map((chain) => chain.stop()))
  }
  try {
    for (const result of started) if (result.status === 'rejected') throw result.reason
    await connectChains(testChains, {
      validators: (domain) => validatorKeys(domain).map((key) => privateKeyToAddress(key)),
      threshold: THRESHOLD,
    })
    const chains = testChains.map((testChain): EvmChain => {
      const [first, second, third] = testChain.apps.testRecipients
      if (!first || !second || !third) throw new Error('the world deploys three TestRecipients')
      const apps: EvmChain['apps'] = [first, second, third]
      return {
        ...testChain,
        apps,
        recipients: testChain.apps.testRecipients,
        reverting: testChain.apps.revertingRecipient,
        testChain,
      }
    })
    for (const chain of chains) {
      // CAST: Hardhat methods, which viem's public RPC schema does not list.
      await chain.client.request({ method: 'evm_setAutomine', params: [automine] } as never)
      await chain.client.request({ method: 'evm_setIntervalMining', params: [intervalMs] } as never)
    }
    return { chains, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

export type SendParameters = {
  /** A TestRecipient of `from` sends (so acks have a handler); default apps[0]. */
  app?: Address
  destination: number
  /** bytes32 recipient on the destination. */
  recipient: Hex
  body?: Hex
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
}

/**
 * Sends `count` messages through a TestRecipient's `sendVia`, paying the endpoint's quote, all
 * in flight at once; resolves with their ids in send order once every receipt is in.
 *
 * @example
 * const ids = await sendMessages(a, 10, { destination: b.domain, recipient: toB32(b.apps[0]) })
 */
export async function sendMessages(
  from: EvmChain,
  count: number,
  params: SendParameters,
): Promise<Hex[]> {
  const {
    destination,
    recipient,
    body = '0x',
    gasLimit = 100_000,
    ackGasLimit = 0,
    deadline = 0n,
  } = params
  const app = params.app ?? from.apps[0]
  const fee = await from.client.readContract({
    address: from.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [destination, BigInt((body.length - 2) / 2), gasLimit, ackGasLimit],
  })
  const hashes: Hex[] = []
  for (let i = 0; i < count; i++) {
    hashes.push(
      await oneAtATime(from, () =>
        from.wallet.writeContract({
          address: app,
          abi: testRecipientAbi,
          functionName: 'sendVia',
          args: [from.endpoint, destination, recipient, body, gasLimit, ackGasLimit, deadline],
          value: fee,
          // Sends in flight together change the tree under each other's estimates: a fixed limit.
          gas: 500_000n,
          account: from.wallet.account!,
          chain: from.wallet.chain,
        }),
      ),
    )
  }
  const ids: Hex[] = []
  for (const hash of hashes) {
    const receipt = await from.client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`send ${hash} reverted`)
    for (const log of parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: receipt.logs,
    }))
      ids.push(log.args.id)
  }
  return ids
}

export const toB32 = (address: Address): Hex => evmAddressToBytes32(address)

/**
 * A view of TestRecipient `app` on `chain`: what it handled, and the last ack it was given.
 *
 * @example
 * const count = await readApp(b, b.apps[0], 'handled')
 */
export const readApp = <
  name extends 'handled' | 'acksHandled' | 'lastAckId' | 'lastAckStatus' | 'lastAckResult',
>(
  chain: EvmChain,
  app: Address,
  functionName: name,
): Promise<ContractFunctionReturnType<typeof testRecipientAbi, 'view', name>> =>
  chain.client.readContract({ address: app, abi: testRecipientAbi, functionName })

/** How many messages `chain`'s RevertingRecipient handled (a reverted handler counts none). */
export const revertingHandled = (chain: EvmChain): Promise<bigint> =>
  chain.client.readContract({
    address: chain.reverting,
    abi: revertingRecipientAbi,
    functionName: 'handled',
  })

/**
 * Makes `chain`'s RevertingRecipient revert (or not) from the next message on; resolves once
 * that is mined.
 *
 * @example
 * await setReverting(a, false)
 */
export async function setReverting(chain: EvmChain, reverting: boolean): Promise<void> {
  const hash = await chain.wallet.writeContract({
    address: chain.reverting,
    abi: revertingRecipientAbi,
    functionName: 'setReverting',
    args: [reverting],
    account: chain.wallet.account ?? null,
    chain: chain.wallet.chain,
  })
  await chain.client.waitForTransactionReceipt({ hash })
}

/** Per chain, the deployer's last send: sends go to the node one after another. */
const lastSend = new WeakMap<EvmChain, Promise<unknown>>()

/**
 * Runs `send` after every earlier send from `chain`'s deployer has reached the node. Concurrent
 * `sendMessages` calls share one account; a node that mines each transaction at once refuses one
 * that arrives ahead of its nonce ("nonce too high"), so they must arrive in nonce order.
 */
function oneAtATime<T>(chain: EvmChain, send: () => Promise<T>): Promise<T> {
  const next = (lastSend.get(chain) ?? Promise.resolve()).then(send, send)
  lastSend.set(
    chain,
    next.catch(() => undefined),
  )
  return next
}
