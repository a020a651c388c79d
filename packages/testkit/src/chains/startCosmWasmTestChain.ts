import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import { createEmbeddedChain, type EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  type CosmWasmDeployer,
  deployEndpoint,
  deployerFromSigningClient,
  deployHtlc,
  deployInterchainAccounts,
  instantiateTestRecipient,
} from '@ferry/cosmwasm-bindings/testing'
import {
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_DENOM,
  TEST_COSMWASM_HD_INDEX,
  TEST_COSMWASM_MNEMONIC,
} from '../keys/testAccounts.js'
import { startWasmdLocalnet } from '../nodes/startWasmdLocalnet.js'

/** Where a CosmWasm test chain runs: how adapters and clients reach it. */
export type CosmWasmTestNode =
  | { type: 'embedded'; chain: EmbeddedChain }
  | {
      type: 'wasmd'
      rpcUrl: string
      /** What each transaction pays per unit of gas, e.g. `0.01ustake`. */
      gasPrice: string
    }

/** A CosmWasm chain with Ferry's endpoint and test recipients deployed. */
export type CosmWasmTestChain = {
  kind: 'cosmwasm'
  name: string
  domain: number
  chainId: string
  node: CosmWasmTestNode
  /**
   * Executes as the owner or the user (TEST_COSMWASM_ACCOUNTS; each call names its sender),
   * queries and deploys.
   */
  executor: CosmWasmDeployer
  /** The endpoint, bech32. */
  endpoint: string
  apps: {
    testRecipients: string[]
    /** With `interchainAccounts`: the router and factory (bech32). */
    interchainAccounts?: { router: string; factory: string } | undefined
    /** With `htlc`: the HTLC (spec/apps/htlc.md), owned by the test owner (bech32). */
    htlc?: string | undefined
  }
  /** Stops the block ticker, or the wasmd node (waiting for it and removing its home). */
  stop(): Promise<void>
}

export type StartCosmWasmTestChainParameters = {
  domain: number
  /** `embedded`: the CosmWasm VM in this process; `wasmd`: a wasmd node on 127.0.0.1. */
  node: 'embedded' | 'wasmd'
  /** Default `cosmwasm-<domain>`. */
  name?: string | undefined
  /** Default `ferry-<domain>`. */
  chainId?: string | undefined
  /**
   * The embedded chain opens an empty block every `blockTimeMs`, as a real chain's blocks keep
   * coming (it opens one only for a successful transaction otherwise); wasmd's block time.
   * Default 100 ms.
   */
  blockTimeMs?: number | undefined
  /** How many test recipients to instantiate. Default 1. */
  testRecipients?: number | undefined
  /** Also deploy the interchain-account router and factory; `connectChains` peers the routers. Default false. */
  interchainAccounts?: boolean | undefined
  /** Also instantiate the HTLC (spec/apps/htlc.md); `connectChains` peers it with every other chain's. Default false. */
  htlc?: boolean | undefined
  /** A wasmd binary; default `buildWasmd()`. */
  wasmdBinary?: string | undefined
}

/** Low but not zero, so that every wasmd account really pays for its transactions. */
const WASMD_GAS_PRICE = `0.01${TEST_COSMWASM_DENOM}`

/**
 * Starts a CosmWasm chain (the embedded VM with a block ticker, or a wasmd node) and deploys
 * Ferry's endpoint and test recipients on it, owned by the test owner. On the embedded chain the
 * user is funded (it charges no gas, so no one else needs funds); on wasmd the relayer, the owner
 * and the user are, at genesis.
 *
 * @example
 * const chain = await startCosmWasmTestChain({ domain: 7001, node: 'embedded' })
 */
export async function startCosmWasmTestChain({
  domain,
  node: kind,
  name = `cosmwasm-${domain}`,
  chainId = `ferry-${domain}`,
  blockTimeMs = 100,
  testRecipients = 1,
  interchainAccounts = false,
  htlc = false,
  wasmdBinary,
}: StartCosmWasmTestChainParameters): Promise<CosmWasmTestChain> {
  const started =
    kind === 'embedded'
      ? startEmbedded(chainId, blockTimeMs)
      : await startWasmd(chainId, blockTimeMs, wasmdBinary)
  try {
    const { owner } = TEST_COSMWASM_ACCOUNTS
    const { executor } = started
    const endpoint = await deployEndpoint(executor, { domain, owner, denom: TEST_COSMWASM_DENOM })
    const recipients: string[] = []
    for (let i = 0; i < testRecipients; i++)
      recipients.push(await instantiateTestRecipient(executor, { sender: owner }))
    const ica = interchainAccounts
      ? await deployInterchainAccounts(executor, { endpoint, owner })
      : undefined
    const htlcAddress = htlc ? await deployHtlc(executor, { endpoint, owner }) : undefined
    return {
      kind: 'cosmwasm',
      name,
      domain,
      chainId,
      ...started,
      endpoint,
      apps: {
        testRecipients: recipients,
        ...(ica && { interchainAccounts: ica }),
        ...(htlcAddress !== undefined && { htlc: htlcAddress }),
      },
    }
  } catch (error) {
    await started.stop()
    throw error
  }
}

type StartedNode = Pick<CosmWasmTestChain, 'node' | 'executor' | 'stop'>

function startEmbedded(chainId: string, blockTimeMs: number): StartedNode {
  const chain = createEmbeddedChain({
    chainId,
    bech32Prefix: TEST_COSMWASM_BECH32_PREFIX,
    accounts: {
      [TEST_COSMWASM_ACCOUNTS.user]: [
        { denom: TEST_COSMWASM_DENOM, amount: (10n ** 18n).toString() },
      ],
    },
  })
  const ticker = setInterval(() => chain.advance({ blocks: 1 }), blockTimeMs)
  // The ticker alone keeps no process alive: a test or script ends when its work does.
  ticker.unref()
  return {
    node: { type: 'embedded', chain },
    executor: chain,
    stop: async () => clearInterval(ticker),
  }
}

async function startWasmd(
  chainId: string,
  blockTimeMs: number,
  binary: string | undefined,
): Promise<StartedNode> {
  const { relayer, owner, user } = TEST_COSMWASM_ACCOUNTS
  const localnet = await startWasmdLocalnet({
    accounts: [relayer, owner, user],
    chainId,
    denom: TEST_COSMWASM_DENOM,
    blockTimeMs,
    ...(binary !== undefined && { binary }),
  })
  try {
    // The executor signs as the owner (deploys, connects) or the user (sends).
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TEST_COSMWASM_MNEMONIC, {
      prefix: TEST_COSMWASM_BECH32_PREFIX,
      hdPaths: [TEST_COSMWASM_HD_INDEX.owner, TEST_COSMWASM_HD_INDEX.user].map((index) =>
        makeCosmoshubPath(index),
      ),
    })
    const client = await SigningCosmWasmClient.connectWithSigner(localnet.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(WASMD_GAS_PRICE),
      // cosmjs looks for a broadcast transaction every 3 s by default: many blocks here.
      broadcastPollIntervalMs: 100,
    })
    return {
      node: { type: 'wasmd', rpcUrl: localnet.rpcUrl, gasPrice: WASMD_GAS_PRICE },
      executor: deployerFromSigningClient(client, owner, { fee: 1.5 }),
      stop: async () => {
        client.disconnect()
        await localnet.stop()
      },
    }
  } catch (error) {
    await localnet.stop()
    throw error
  }
}
