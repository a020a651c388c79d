// Fixing stuck messages from the page, in a real browser against a devnet whose relayer asks a
// least fee of evm-a and wasm: an underpaid message shows what it misses and the add-fee button,
// signed by an injected EIP-1193 wallet (the devnet's unlocked Hardhat account), gets it
// delivered and the page follows live; on the CosmWasm side the page gives the SDK call and the
// CLI command instead; with the relayer (and its API) stopped, the page reads the chains and
// self-relays with the validators' signatures.
import { revertingRecipientAbi } from '@ferry/evm-contracts'
import type { Page } from 'playwright-core'
import { createPublicClient, createWalletClient, http } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  type ExplorerWorld,
  injectWallet,
  screenshot,
  sendText,
  seriousViolations,
  startExplorerWorld,
  untilApi,
  user,
} from './world.ts'

/** Far above any quote on the devnet: every message from evm-a or wasm is underpaid. */
const MINIMUM = 10n ** 18n

let world: ExplorerWorld
const pageErrors: string[] = []

beforeAll(async () => {
  world = await startExplorerWorld({
    name: 'recovery',
    minimumFee: { 'evm-a': MINIMUM, wasm: MINIMUM },
  })
})
afterAll(async () => {
  await world?.stop()
})

async function walletPage(): Promise<Page> {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await injectWallet(page, world.devnet)
  return page
}

test('underpaid: the page names the missing fee, the add-fee button pays it, and the delivery shows live', async () => {
  const { id } = await sendText(world.devnet, { from: 'evm-a', to: 'evm-b', body: 'top me up' })
  await untilApi(world.devnet, id, (d) => d.reason === 'underpaid')
  const detail = (await (await fetch(`${world.devnet.file.apiUrl}/v1/messages/${id}`)).json()) as {
    underpaid: { missing: string }
  }
  const page = await walletPage()
  await page.goto(`${world.url}/message/${id}`)
  await page.getByTestId('why').waitFor()
  expect(await page.getByTestId('why').textContent()).toBe(
    `Underpaid: the relayer asks ${detail.underpaid.missing} more (base units of evm-a's native token).`,
  )
  expect(await page.getByTestId('status').textContent()).toBe('underpaid')
  expect(await seriousViolations(page)).toEqual([])
  await screenshot(page, 'message-underpaid')
  await page.evaluate(() => {
    ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
  })
  await page.getByRole('button', { name: /Add the missing fee/ }).click()
  await page.getByTestId('action-sent').waitFor({ timeout: 30_000 })
  expect(await page.getByTestId('action-sent').textContent()).toMatch(
    /^Add the missing fee: sent on evm-a, transaction 0x[0-9a-f]{64}\. /,
  )
  await page.getByTestId('status').filter({ hasText: 'delivered' }).waitFor({ timeout: 30_000 })
  expect(await page.getByTestId('why').textContent()).toBe('Delivered: executed on evm-b.')
  expect(await page.locator('[data-step^="attempt-"]').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining('fee top-up')]),
  )
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true)
  await screenshot(page, 'message-topped-up')
  await page.close()
})

test('underpaid on the CosmWasm chain: the page gives the SDK call and the CLI command', async () => {
  const { id } = await sendText(world.devnet, { from: 'wasm', to: 'evm-a', body: 'from wasm' })
  await untilApi(world.devnet, id, (d) => d.reason === 'underpaid')
  const detail = (await (await fetch(`${world.devnet.file.apiUrl}/v1/messages/${id}`)).json()) as {
    underpaid: { missing: string }
  }
  const page = await walletPage()
  await page.goto(`${world.url}/message/${id}`)
  await page.getByTestId('sdk-call').waitFor()
  expect(await page.getByTestId('sdk-call').textContent()).toBe(
    `await addFee(client, { id: '${id}', chain: 'wasm', amount: ${detail.underpaid.missing}n })`,
  )
  const wasm = world.devnet.file.chains.find((chain) => chain.kind === 'cosmwasm')
  expect(await page.getByTestId('cli-command').textContent()).toMatch(
    new RegExp(
      `^wasmd tx wasm execute ${wasm?.endpoint} '\\{"add_fee":\\{"message":"[A-Za-z0-9+/=]+"\\}\\}' --amount ${detail.underpaid.missing}${wasm?.kind === 'cosmwasm' ? wasm.denom : ''} `,
    ),
  )
  expect(await page.getByRole('button', { name: /Add the missing fee/ }).count()).toBe(0)
  expect(await seriousViolations(page)).toEqual([])
  await screenshot(page, 'message-cosmwasm-action')
  await page.close()
})

/** Two messages to evm-a's reverting recipient, failed by the relayer's delivery: one to retry, one to time out. */
let failing: { retry: `0x${string}`; timeout: `0x${string}`; deadline: bigint }

test('a failed message names the revert and offers a retry with more gas', async () => {
  const evmA = world.devnet.file.chains.find((chain) => chain.name === 'evm-a')
  const reverting = evmA?.apps.revertingRecipient
  if (!reverting || evmA?.kind !== 'evm') throw new Error('no reverting recipient on evm-a')
  const head = await createPublicClient({ transport: http(evmA.rpcUrl) }).getBlock()
  const deadline = head.timestamp + 25n
  const retry = await sendText(world.devnet, {
    from: 'evm-b',
    to: 'evm-a',
    body: 'retry me',
    recipient: reverting,
  })
  const timeout = await sendText(world.devnet, {
    from: 'evm-b',
    to: 'evm-a',
    body: 'time me out',
    recipient: reverting,
    deadline,
  })
  failing = { retry: retry.id, timeout: timeout.id, deadline }
  await untilApi(world.devnet, retry.id, (d) => d.status === 'failed')
  await untilApi(world.devnet, timeout.id, (d) => d.status === 'failed')
  const page = await walletPage()
  await page.goto(`${world.url}/message/${retry.id}`)
  await page.getByTestId('why').waitFor()
  expect(await page.getByTestId('why').textContent()).toMatch(
    /^(Failed on evm-a: the handler reverted with custom error 0x[0-9a-f]{8} \(arguments 0x[0-9a-f]{64}\); (the relayer retries at .+|retry it with more gas)\.|Retries exhausted: the handler reverted with custom error 0x[0-9a-f]{8} .+)$/,
  )
  await page.getByRole('button', { name: /Retry with more gas \(600000 gas\)/ }).waitFor()
  await screenshot(page, 'message-failed')
  await page.close()
})

test('self-relay with the relayer stopped: the page reads the chains and delivers it with the wallet', async () => {
  await world.devnet.stopRelayer()
  const { id } = await sendText(world.devnet, { from: 'evm-b', to: 'evm-a', body: 'no relayer' })
  const page = await walletPage()
  await page.goto(`${world.url}/message/${id}`)
  await page.getByTestId('api-banner').waitFor({ timeout: 20_000 })
  await page.getByTestId('chain-data').waitFor({ timeout: 20_000 })
  expect(await page.getByTestId('chain-data').textContent()).toBe(
    'The relayer API cannot be reached: shown from chain data.',
  )
  const button = page.getByRole('button', { name: /Deliver it yourself/ })
  await button.waitFor({ timeout: 30_000 }).catch(async (error) => {
    await screenshot(page, 'message-self-relay-failed')
    throw error
  })
  expect(await page.getByTestId('body-text').textContent()).toBe('no relayer')
  expect(await seriousViolations(page)).toEqual([])
  await screenshot(page, 'message-self-relay')
  await button.click()
  await page.getByTestId('action-sent').waitFor({ timeout: 30_000 })
  await page.getByTestId('status').filter({ hasText: 'executed' }).waitFor({ timeout: 20_000 })
  expect(await page.getByTestId('why').textContent()).toBe('Delivered: executed on evm-a.')
  await screenshot(page, 'message-self-relayed')
  await page.close()
})

test('with the relayer stopped: retry with more gas once the recipient is fixed, and time out past the deadline', async () => {
  const evmA = world.devnet.file.chains.find((chain) => chain.name === 'evm-a')
  if (evmA?.kind !== 'evm') throw new Error('no evm-a')
  const wallet = createWalletClient({ account: user, transport: http(evmA.rpcUrl) })
  const hash = await wallet.writeContract({
    // CAST: EVM app addresses in the devnet file are 0x addresses.
    address: evmA.apps.revertingRecipient as `0x${string}`,
    abi: revertingRecipientAbi,
    functionName: 'setReverting',
    args: [false],
    chain: null,
  })
  await createPublicClient({ transport: http(evmA.rpcUrl) }).waitForTransactionReceipt({ hash })

  const page = await walletPage()
  await page.goto(`${world.url}/message/${failing.retry}`)
  await page.getByTestId('chain-data').waitFor({ timeout: 20_000 })
  const retry = page.getByRole('button', { name: /Retry with more gas/ })
  await retry.waitFor({ timeout: 20_000 })
  expect(await page.getByTestId('why').textContent()).toBe(
    'Failed on evm-a: retry it with more gas.',
  )
  await retry.click()
  await page.getByTestId('action-sent').waitFor({ timeout: 30_000 })
  await page.getByTestId('status').filter({ hasText: 'executed' }).waitFor({ timeout: 20_000 })

  await page.goto(`${world.url}/message/${failing.timeout}`)
  await page.getByTestId('chain-data').waitFor({ timeout: 20_000 })
  const timeOut = page.getByRole('button', { name: /Time it out/ })
  // The deadline passes on its own (the page re-reads the chains every 2 s).
  await timeOut.waitFor({ timeout: 40_000 }).catch(async (error) => {
    await screenshot(page, 'message-timeout-failed')
    throw new Error(`no timeout button: ${await page.locator('main').textContent()}`, {
      cause: error,
    })
  })
  expect(await page.getByTestId('why').textContent()).toBe(
    'Failed on evm-a and past its deadline: time it out.',
  )
  await screenshot(page, 'message-timeout')
  await timeOut.click()
  await page.getByTestId('action-sent').waitFor({ timeout: 30_000 })
  await page.getByTestId('status').filter({ hasText: 'timed out' }).waitFor({ timeout: 20_000 })
  expect(await page.getByTestId('why').textContent()).toBe('Timed out on evm-a.')
  expect(pageErrors).toEqual([])
})
