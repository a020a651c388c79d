// What the explorer's browser tests share: a devnet serving the built explorer (one per test
// file), Debian's chromium driven by playwright-core, a wallet injected into the page (EIP-1193,
// backed by the devnet's unlocked Hardhat account), senders through the SDK, screenshots and axe.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { fromEmbeddedChain } from '@ferry/cosmwasm-bindings'
import { type Devnet, startDevnet } from '@ferry/devnet'
import { createFerryClient, devnetChains, type FerryChain, send } from '@ferry/sdk'
import { createCosmWasmEmbeddedSource } from '@ferry/sdk/cosmwasm'
import { HARDHAT_KEYS, TEST_COSMWASM_ACCOUNTS } from '@ferry/testkit'
import { pino } from 'pino'
import { type Browser, chromium, type Page } from 'playwright-core'
import { type Hex, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** The built explorer (`pnpm build` here; turbo builds it before `test`). */
export const distDir = join(import.meta.dirname, '../dist')
/** Screenshots of every page, for people to look at (gitignored). */
export const artifactsDir = join(import.meta.dirname, '../test-artifacts')

/** A funded Hardhat account that is neither the deployer nor a relayer: the user, and its wallet. */
export const user = privateKeyToAccount(HARDHAT_KEYS[3])

export type ExplorerWorld = {
  devnet: Devnet
  browser: Browser
  /** The explorer's URL. */
  url: string
  stop(): Promise<void>
}

/**
 * Starts a devnet serving the built explorer (its API allowing the explorer's origin) and
 * Debian's chromium (`/usr/bin/chromium`; no browser download).
 *
 * @example
 * const world = await startExplorerWorld({ name: 'home' })
 */
export async function startExplorerWorld({
  name,
  minimumFee,
}: {
  name: string
  minimumFee?: Readonly<Record<string, bigint>>
}): Promise<ExplorerWorld> {
  const devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir: mkdtempSync(join(tmpdir(), `ferry-explorer-${name}-`)),
    // Hardhat's block times then run ahead of the wall clock (each block adds at least 1 s):
    // the page must judge deadlines by the destination's time.
    blockTimeMs: 300,
    minimumFee,
    explorer: { dir: distDir, port: 0 },
  })
  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: process.env.FERRY_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    })
  } catch (error) {
    await devnet.stop()
    throw error
  }
  if (devnet.explorerUrl === undefined) throw new Error('the devnet served no explorer')
  return {
    devnet,
    browser,
    url: devnet.explorerUrl,
    async stop() {
      await browser.close()
      await devnet.stop()
    },
  }
}

/** The devnet's chains with the user's signers: its wallet on EVM, its executor on the embedded CosmWasm chain. */
function userChains(devnet: Devnet): FerryChain[] {
  const { chains } = devnetChains(devnet.file, { account: user })
  const wasm = devnet.chains.find((chain) => chain.kind === 'cosmwasm')
  if (wasm?.kind !== 'cosmwasm' || wasm.node.type !== 'embedded') return [...chains]
  const file = devnet.file.chains.find((chain) => chain.kind === 'cosmwasm')
  return [
    ...chains,
    {
      kind: 'cosmwasm',
      name: wasm.name,
      domain: wasm.domain,
      endpoint: wasm.endpoint,
      bech32Prefix: file?.kind === 'cosmwasm' ? file.bech32Prefix : 'wasm',
      source: createCosmWasmEmbeddedSource({ chain: wasm.node.chain }),
      executor: fromEmbeddedChain(wasm.node.chain, TEST_COSMWASM_ACCOUNTS.user),
    },
  ]
}

/** The test recipient app on a chain of the devnet file. */
export function testRecipientOn(devnet: Devnet, chainName: string): string {
  const chain = devnet.file.chains.find((c) => c.name === chainName)
  const recipient = chain?.apps.testRecipient
  if (!recipient) throw new Error(`no test recipient on ${chainName}`)
  return recipient
}

/**
 * Sends `body` (text) from `from` to `recipient` (default `to`'s test recipient) as the user,
 * through the SDK's `send`; returns the id and the origin transaction.
 */
export async function sendText(
  devnet: Devnet,
  {
    from,
    to,
    body,
    recipient = testRecipientOn(devnet, to),
    deadline,
  }: { from: string; to: string; body: string; recipient?: string; deadline?: bigint },
): Promise<{ id: Hex; transactionHash: string }> {
  const client = createFerryClient({ chains: userChains(devnet) })
  const sent = await send(client, {
    from,
    to,
    recipient,
    body: stringToHex(body),
    gasLimit: 300_000,
    ...(deadline !== undefined && { deadline }),
  })
  return { id: sent.id, transactionHash: String(sent.transactionHash) }
}

/**
 * Injects an EIP-1193 wallet into every page of `page`'s context: `eth_requestAccounts` gives the
 * user's address, `wallet_switchEthereumChain` switches among the devnet's EVM chains, and every
 * other request goes to the current chain's `hardhat node`, which signs for the user (Hardhat's
 * unlocked accounts).
 */
export async function injectWallet(page: Page, devnet: Devnet): Promise<void> {
  const rpcByChainId = new Map<string, string>()
  for (const chain of devnet.file.chains)
    if (chain.kind === 'evm') rpcByChainId.set(`0x${chain.chainId.toString(16)}`, chain.rpcUrl)
  await page.exposeFunction(
    '__ferryWalletRequest',
    async (chainId: string, method: string, params: unknown[]) => {
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [user.address]
      const rpcUrl = rpcByChainId.get(chainId)
      if (!rpcUrl) throw new Error(`the test wallet knows no chain ${chainId}`)
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      })
      const answer = (await response.json()) as { result?: unknown; error?: { message: string } }
      if (answer.error) throw new Error(answer.error.message)
      return answer.result
    },
  )
  const first = [...rpcByChainId.keys()][0]
  await page.addInitScript((initial: string) => {
    let chainId = initial
    // CAST: the binding exposeFunction added.
    const forward = (window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)
      .__ferryWalletRequest as (
      chainId: string,
      method: string,
      params: unknown[],
    ) => Promise<unknown>
    Object.defineProperty(window, 'ethereum', {
      value: {
        isFerryTestWallet: true,
        async request({ method, params }: { method: string; params?: unknown[] }) {
          if (method === 'eth_chainId') return chainId
          if (method === 'wallet_switchEthereumChain') {
            // CAST: EIP-3326's one parameter.
            const [target] = (params ?? []) as [{ chainId: string }?]
            if (!target) throw new Error('wallet_switchEthereumChain needs a chainId')
            chainId = target.chainId
            return null
          }
          return forward(chainId, method, params ?? [])
        },
        on() {},
        removeListener() {},
      },
    })
  }, first ?? '0x7a69')
}

/** Saves a full-page screenshot to `test-artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** axe's serious and critical violations on the page (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
}

/** Polls the relayer API until `id` has a stage in `stages`; returns its detail. */
export async function untilApi(
  devnet: Devnet,
  id: string,
  accept: (detail: { stage: string; reason: string; status: string }) => boolean,
  timeoutMs = 60_000,
): Promise<{ stage: string; reason: string; status: string }> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const response = await fetch(`${devnet.file.apiUrl}/v1/messages/${id}`)
    if (response.ok) {
      const detail = (await response.json()) as { stage: string; reason: string; status: string }
      if (accept(detail)) return detail
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${id} never reached the expected state`)
}
