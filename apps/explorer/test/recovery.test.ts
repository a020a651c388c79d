// Fixing stuck messages from the page, in a real browser against a devnet whose relayer asks a
// least fee of evm-a and wasm: an underpaid message shows what it misses and the add-fee button,
// signed by an injected EIP-1193 wallet (the devnet's unlocked Hardhat account), gets it
// delivered and the page follows live; on the CosmWasm side the page gives the SDK call and the
// CLI command instead; with the relayer (and its API) stopped, the page reads the chains and
// self-relays with the validators' signatures.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  type ExplorerWorld,
  injectWallet,
  screenshot,
  sendText,
  seriousViolations,
  startExplorerWorld,
  untilApi,
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
  await screenshot(page, 'message-cosmwasm-action')
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
  await screenshot(page, 'message-self-relay')
  await button.click()
  await page.getByTestId('action-sent').waitFor({ timeout: 30_000 })
  await page.getByTestId('status').filter({ hasText: 'executed' }).waitFor({ timeout: 20_000 })
  expect(await page.getByTestId('why').textContent()).toBe('Delivered: executed on evm-a.')
  await screenshot(page, 'message-self-relayed')
  expect(pageErrors).toEqual([])
})
