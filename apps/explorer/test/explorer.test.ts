// The explorer in a real browser (Debian's chromium) against a devnet serving it: the home page
// live, search by every key, the demo's timelines, the channel and chains pages, safety (XSS,
// CSP) and axe on every page. One devnet for the file.
import { type DemoOutcome, runDevnetDemo } from '@ferry/devnet'
import { remoteCallTargetAbi } from '@ferry/evm-contracts'
import { bytes32ToBech32, evmAddressToBytes32 } from '@ferry/protocol'
import { callRemote, createFerryClient, devnetChains } from '@ferry/sdk'
import type { Page } from 'playwright-core'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type ExplorerWorld,
  screenshot,
  sendText,
  seriousViolations,
  startExplorerWorld,
  untilApi,
  user,
} from './world.ts'

let world: ExplorerWorld
let demo: DemoOutcome[]
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  world = await startExplorerWorld({ name: 'explorer' })
  demo = await runDevnetDemo({
    chains: world.devnet.chains,
    bridges: world.devnet.bridges,
    apiUrl: world.devnet.file.apiUrl,
    validators: world.devnet.file.validators,
    report: () => {},
  })
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
})
afterAll(async () => {
  await world?.stop()
})

function demoMessage(label: RegExp) {
  const outcome = demo.find((entry) => label.test(entry.label))
  if (!outcome) throw new Error(`no demo message ${label}: ${demo.map((d) => d.label).join(', ')}`)
  return outcome
}

describe('home', () => {
  test('lists the latest messages with status, chain names and age, and counts by status', async () => {
    await page.goto(world.url)
    await page.getByRole('heading', { name: 'Latest messages' }).waitFor()
    for (const { message } of demo)
      await page.locator(`tr[data-id="${message.id}"]`).waitFor({ timeout: 15_000 })
    const row = page.locator(`tr[data-id="${demo[0]?.message.id}"]`)
    await expect.poll(() => row.textContent()).toContain('evm-a → evm-b')
    expect(await row.textContent()).toMatch(/delivered/)
    expect(await row.textContent()).toMatch(/\d+ (s|min) ago/)
    const done = page.getByTestId('count-done').locator('.count-number')
    await expect
      .poll(async () => Number(await done.textContent()))
      .toBeGreaterThanOrEqual(demo.length)
    const rows = await page.locator('tr[data-id]').count()
    await page.getByText(`${rows} in all`).waitFor()
    await page.getByTestId('live').filter({ hasText: 'live' }).waitFor()
    await screenshot(page, 'home')
  })

  test('a new message appears without a reload (SSE)', async () => {
    await page.goto(world.url)
    await page.getByTestId('live').filter({ hasText: 'live' }).waitFor()
    await page.evaluate(() => {
      // CAST: a marker that a reload would wipe.
      ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
    })
    const { id } = await sendText(world.devnet, { from: 'evm-a', to: 'evm-b', body: 'live' })
    await page.locator(`tr[data-id="${id}"]`).waitFor({ timeout: 15_000 })
    await page.locator(`tr[data-id="${id}"]`).getByText('delivered').waitFor({ timeout: 30_000 })
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true)
  })
})

describe('search', () => {
  async function search(query: string) {
    await page.goto(world.url)
    await page.getByRole('textbox', { name: /Message id/ }).fill(query)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('heading', { name: 'Search' }).waitFor()
  }

  test('by message id, origin transaction hash, sender (EVM), recipient (bech32) and channel', async () => {
    const ping = demoMessage(/ping/i).message
    await search(ping.id)
    await page.locator(`tr[data-id="${ping.id}"]`).first().waitFor()
    expect(new URL(page.url()).searchParams.get('q')).toBe(ping.id)
    await screenshot(page, 'search')

    await search(ping.lifecycle.sent.transactionHash)
    await page
      .getByRole('table', { name: 'Messages by origin transaction' })
      .locator(`tr[data-id="${ping.id}"]`)
      .waitFor()

    const { id } = await sendText(world.devnet, { from: 'evm-a', to: 'wasm', body: 'to wasm' })
    await untilApi(world.devnet, id, (d) => d.stage !== 'pending')
    await search(user.address)
    await page
      .getByRole('table', { name: 'Messages by sender' })
      .locator(`tr[data-id="${id}"]`)
      .waitFor()

    const detail = (await (
      await fetch(`${world.devnet.file.apiUrl}/v1/messages/${id}`)
    ).json()) as { recipient: `0x${string}`; channel: string }
    await search(bytes32ToBech32(detail.recipient, 'wasm'))
    await page
      .getByRole('table', { name: 'Messages by recipient' })
      .locator(`tr[data-id="${id}"]`)
      .waitFor()

    await search(detail.channel)
    await page.getByRole('link', { name: detail.channel }).click()
    await page.getByRole('heading', { name: /Channel/ }).waitFor()
    expect(await page.locator('main').textContent()).toContain('evm-a → wasm')
  })

  test('a search that matches nothing says so and shows what each key looks like', async () => {
    await search(`0x${'ab'.repeat(32)}`)
    await page.getByText('Nothing matches this search.').waitFor()
    expect(await page.locator('.key-help').textContent()).toContain('0x followed by 40 hex digits')
    await search('hello <b>there</b>')
    await page
      .getByRole('alert')
      .getByText(/is not a key the explorer knows/)
      .waitFor()
    expect(await page.locator('main b').count()).toBe(0)
  })
})

describe('message', () => {
  test('the ping with an ack shows every stage: sent, finalized, signed, attempts, delivered, ack', async () => {
    const ping = demoMessage(/ping/i).message
    await page.goto(`${world.url}/message/${ping.id}`)
    await page.getByTestId('timeline').waitFor()
    for (const step of ['sent', 'finalized', 'signed', 'delivered', 'ack'])
      await page.locator(`[data-step="${step}"]`).waitFor({ timeout: 10_000 })
    expect(await page.locator('[data-step^="attempt-"]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-step="signed"]').textContent()).toMatch(
      /Signed by [23] validators/,
    )
    expect(await page.getByTestId('why').textContent()).toBe('Delivered: executed on evm-b.')
    expect(await page.getByTestId('status').textContent()).toBe('delivered')
    expect(await page.locator('[data-step="delivered"]').textContent()).toContain('tx 0x')
    await screenshot(page, 'message')
    await page.locator('[data-step="ack"]').getByRole('link').click()
    await page.getByRole('heading', { name: /Message/ }).waitFor()
    await page.getByTestId('body-decoded').waitFor()
    expect(await page.getByTestId('body-decoded').textContent()).toContain(
      `ack of ${ping.id}: executed`,
    )
  })

  test('the failing demo message shows its failed attempts and its retry', async () => {
    const failing = demoMessage(/fail|retr/i).message
    await page.goto(`${world.url}/message/${failing.id}`)
    await page.getByTestId('timeline').waitFor()
    expect(await page.getByTestId('timeline').textContent()).toMatch(/retry/i)
    await screenshot(page, 'message-retried')
  })

  test('a remote call’s body is decoded: who asks, and each call', async () => {
    const client = createFerryClient(devnetChains(world.devnet.file, { account: user }))
    const counter = world.devnet.file.chains.find((chain) => chain.name === 'evm-b')?.apps
      .remoteCallTarget
    if (!counter?.startsWith('0x')) throw new Error('the devnet has a counter on evm-b')
    const call = await callRemote(client, {
      from: 'evm-a',
      to: 'evm-b',
      calls: [
        // CAST: an EVM address, its prefix checked above.
        {
          address: counter as Hex,
          abi: remoteCallTargetAbi,
          functionName: 'increment',
          args: [3n],
        },
      ],
      gasLimit: 500_000,
    })
    await call.result({ timeoutMs: 60_000 })
    await page.goto(`${world.url}/message/${call.id}`)
    await page.getByTestId('body-remote-call').waitFor()
    const text = await page.getByTestId('body-remote-call').textContent()
    expect(text).toContain(
      `calls through the account of ${evmAddressToBytes32(user.address)}`.toLowerCase(),
    )
    expect(text).toContain(`${counter.toLowerCase()} value 0, calls 0x7cf5dab0`)
    await screenshot(page, 'message-remote-call')
  })

  test('an id no chain knows is looked up on the chains and said to be missing', async () => {
    await page.goto(`${world.url}/message/0x${'cd'.repeat(32)}`)
    await page.getByTestId('chain-data').waitFor()
    await page
      .getByText(/No chain this explorer reads has sent a message/)
      .waitFor({ timeout: 20_000 })
  })
})

describe('channel and chains', () => {
  test('the channel page says its nonces and what blocks it', async () => {
    const ping = demoMessage(/ping/i).message
    const detail = (await (
      await fetch(`${world.devnet.file.apiUrl}/v1/messages/${ping.id}`)
    ).json()) as { channel: string }
    await page.goto(`${world.url}/channel/${detail.channel}`)
    await page.getByTestId('blocked').waitFor()
    expect(await page.locator('main').textContent()).toContain('Highest nonce delivered')
    expect(await page.getByTestId('blocked').textContent()).toBe(
      'Nothing: every message sent on it is final.',
    )
    await screenshot(page, 'channel')
  })

  test('the chains page shows heads, lag and validators', async () => {
    await page.goto(`${world.url}/chains`)
    await page.locator('tr[data-domain="31337"]').waitFor()
    await expect
      .poll(() => page.locator('tr[data-domain="31337"]').textContent())
      .toContain('healthy')
    expect(
      await page.getByRole('table', { name: /Validators of evm-a: 2 must sign/ }).count(),
    ).toBe(1)
    await screenshot(page, 'chains')
  })
})

describe('safety', () => {
  test('bodies are text: an <img onerror> and a javascript: link execute nothing', async () => {
    const bodies = [
      '<img src=x onerror="window.__xss=1;alert(1)">',
      'javascript:alert(document.domain)',
      '<a href="javascript:window.__xss=2">click</a><script>window.__xss=3</script>',
    ]
    for (const body of bodies) {
      const { id } = await sendText(world.devnet, { from: 'evm-a', to: 'evm-b', body })
      await untilApi(world.devnet, id, (d) => d.stage === 'done')
      const response = await page.goto(`${world.url}/message/${id}`)
      const csp = response?.headers()['content-security-policy'] ?? ''
      expect(csp).toContain("script-src 'self'")
      await page.getByTestId('body-text').waitFor()
      expect(await page.getByTestId('body-text').textContent()).toBe(body)
      await page.locator('[data-step="delivered"]').waitFor()
      const links = await page
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
      expect(links.filter((href) => !href.startsWith('/'))).toEqual([])
      expect(await page.locator('main img, main script, main [onerror]').count()).toBe(0)
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      ).toBeUndefined()
    }
    await screenshot(page, 'message-xss')
    expect(pageErrors).toEqual([])
  })
})

test('axe finds no serious or critical violation on any page', async () => {
  const ping = demoMessage(/ping/i).message
  const detail = (await (
    await fetch(`${world.devnet.file.apiUrl}/v1/messages/${ping.id}`)
  ).json()) as { channel: string }
  const pages = {
    home: '/',
    search: `/search?q=${ping.id}`,
    'search-nothing': `/search?q=nothing`,
    message: `/message/${ping.id}`,
    channel: `/channel/${detail.channel}`,
    chains: '/chains',
  }
  const found: Record<string, string[]> = {}
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(`${world.url}${path}`)
    await page.locator('main h1').waitFor()
    // The page has answered: no "Loading…" left.
    await expect.poll(() => page.getByText('Loading…').count()).toBe(0)
    const violations = await seriousViolations(page)
    if (violations.length > 0) found[name] = violations
  }
  expect(found).toEqual({})
})
