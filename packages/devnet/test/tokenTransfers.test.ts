// Tokens through the devnet's relayer service (real chains, validators and relayer, in-process):
// OpenZeppelin's BridgeERC20 evm-a → evm-b over the ERC-7786 gateways, its parked send paid with
// payPending; a Ferry token round trip evm-a (18 decimals) → evm-b (6) → evm-a; and the CosmWasm
// chain's denom (6) locked there and minted on evm-a (18), then EVM → CosmWasm → EVM: each with
// exact balances on both sides, the collateral, and the dust staying with the sender.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collateralOf } from '@ferry/cosmwasm-bindings'
import { ferryGatewayAbi } from '@ferry/evm-contracts'
import type { DevnetFile } from '@ferry/sdk'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bridgeTokens, evmTokenEnd, type TokenEnd } from '../src/bridgeTokens.js'
import { followMessages } from '../src/followMessages.js'
import { type Devnet, startDevnet } from '../src/startDevnet.js'
import { mintTestToken, tokenBalance } from '../src/tokens.js'
import { transferThroughOpenZeppelin } from '../src/transferThroughOpenZeppelin.js'
import { evmChain, wasmChain } from './sdk/sdkWorld.js'

let devnet: Devnet
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-devnet-tokens-'))
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir,
    blockTimeMs: 300,
  })
})
afterAll(async () => {
  await devnet?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const evm = (name: string) => evmChain(devnet, name)
const follow = () => followMessages({ apiUrl: devnet.file.apiUrl, timeoutMs: 60_000 })

describe('OpenZeppelin BridgeERC20 → ERC20Crosschain through the relayer service', () => {
  test('locks on evm-a and mints on evm-b exactly the amount sent, once the parked send is paid', async () => {
    const [a, b] = [evm('evm-a'), evm('evm-b')]
    const amount = 3n * 10n ** 18n + 7n
    const { sendId, message, before, after } = await transferThroughOpenZeppelin({
      home: a,
      remote: b,
      openZeppelin: devnet.bridges.openZeppelin,
      amount,
      follow: follow(),
    })
    expect(message).toMatchObject({ origin: a.domain, destination: b.domain, status: 'executed' })
    expect(BigInt(sendId)).not.toBe(0n)
    expect(
      await a.client.readContract({
        address: a.apps.gateway ?? '0x',
        abi: ferryGatewayAbi,
        functionName: 'isPending',
        args: [sendId],
      }),
    ).toBe(false)
    expect(after).toEqual({
      sender: before.sender - amount,
      locked: before.locked + amount,
      recipient: before.recipient + amount,
      supply: before.supply + amount,
    })
  })
})

describe('Ferry token bridge round trip through the relayer service', () => {
  test('evm-a → evm-b → evm-a with exact balances; the dust never leaves the sender', async () => {
    const [a, b] = [evm('evm-a'), evm('evm-b')]
    const [lock, mint] = [a.apps.tokenBridge, b.apps.tokenBridge]
    if (!lock || !mint) throw new Error('token bridges on both EVM chains')
    const scale = 10n ** 12n // 18 decimals on evm-a, 6 on evm-b
    const amount = 42n * 10n ** 18n + 123_456_789_012_345n // 42.000123456789012345 TT
    const dust = amount % scale
    await mintTestToken(a, lock.token, amount)
    const lockedBefore = await tokenBalance(a, lock.token, lock.bridge)

    const there = await bridgeTokens({
      from: evmTokenEnd(a),
      to: evmTokenEnd(b),
      amount,
      follow: follow(),
    })
    expect(there.message).toMatchObject({ destination: b.domain, status: 'executed' })
    expect(there.quote).toMatchObject({
      sent: amount - dust,
      amountReceived: (amount - dust) / scale,
      dust,
    })
    expect(there.after.sender).toBe(there.before.sender - (amount - dust))
    expect(there.after.recipient).toBe(there.before.recipient + (amount - dust) / scale)
    expect(await tokenBalance(a, lock.token, lock.bridge)).toBe(lockedBefore + amount - dust)

    const back = await bridgeTokens({
      from: evmTokenEnd(b),
      to: evmTokenEnd(a),
      amount: there.quote.amountReceived,
      follow: follow(),
    })
    expect(back.message).toMatchObject({ destination: a.domain, status: 'executed' })
    expect(back.quote).toMatchObject({
      sent: (amount - dust) / scale,
      amountReceived: amount - dust,
      dust: 0n,
    })
    expect(back.after.sender).toBe(there.before.recipient)
    // Everything came back: the sender holds what it held before, dust included.
    expect(back.after.recipient).toBe(there.before.sender)
    expect(await tokenBalance(a, lock.token, lock.bridge)).toBe(lockedBefore)
  })
})

describe('the CosmWasm denom through the relayer service', () => {
  test('locked on CosmWasm and minted on evm-a, then EVM → CosmWasm → EVM with exact balances', async () => {
    const [a, wasm] = [evm('evm-a'), wasmChain(devnet)]
    const route = devnet.bridges.cosmWasmToken
    const onWasm: TokenEnd = { chain: wasm, ...route.cosmwasm }
    const onEvm: TokenEnd = { chain: a, ...route.evm }
    const locked = () =>
      collateralOf(wasm.executor, { contract: route.cosmwasm.bridge, domain: a.domain })
    const scale = 10n ** 12n // 6 decimals on CosmWasm, 18 on evm-a
    const lockedBefore = await locked()

    // CosmWasm → evm-a: 7 STAKE locked, 7 bSTAKE minted; the Ferry fee is paid in the same denom.
    const funding = await bridgeTokens({
      from: onWasm,
      to: onEvm,
      amount: 7_000_000n,
      follow: follow(),
    })
    expect(funding.message).toMatchObject({ origin: wasm.domain, status: 'executed' })
    expect(funding.quote).toMatchObject({
      sent: 7_000_000n,
      amountReceived: 7_000_000n * scale,
      dust: 0n,
    })
    expect(funding.quote.fee).toBeGreaterThan(0n)
    expect(funding.after.sender).toBe(funding.before.sender - 7_000_000n - funding.quote.fee)
    expect(funding.after.recipient).toBe(funding.before.recipient + 7_000_000n * scale)
    expect(await locked()).toBe(lockedBefore + 7_000_000n)

    // evm-a → CosmWasm: 3.000001999999999999 bSTAKE; 3.000001 STAKE released, the rest stays.
    const amount = 3_000_001_999_999_999_999n
    const there = await bridgeTokens({ from: onEvm, to: onWasm, amount, follow: follow() })
    expect(there.message).toMatchObject({ destination: wasm.domain, status: 'executed' })
    expect(there.quote).toMatchObject({
      sent: 3_000_001n * scale,
      amountReceived: 3_000_001n,
      dust: 999_999_999_999n,
    })
    expect(there.after.sender).toBe(there.before.sender - 3_000_001n * scale)
    expect(there.after.recipient).toBe(there.before.recipient + 3_000_001n)
    expect(await locked()).toBe(lockedBefore + 7_000_000n - 3_000_001n)

    // CosmWasm → evm-a: what arrived goes back; evm-a holds again all it had.
    const back = await bridgeTokens({
      from: onWasm,
      to: onEvm,
      amount: 3_000_001n,
      follow: follow(),
    })
    expect(back.message).toMatchObject({ destination: a.domain, status: 'executed' })
    expect(back.after.sender).toBe(back.before.sender - 3_000_001n - back.quote.fee)
    expect(back.after.recipient).toBe(there.before.sender)
    expect(await locked()).toBe(lockedBefore + 7_000_000n)
  })
})

test('the devnet file names the gateways, token bridges and OpenZeppelin contracts', () => {
  const file = JSON.parse(readFileSync(join(dir, 'devnet.json'), 'utf8')) as DevnetFile // CAST: written by startDevnet
  const [a, b] = [evm('evm-a'), evm('evm-b')]
  const apps = (name: string) => file.chains.find((chain) => chain.name === name)?.apps
  expect(apps('evm-a')).toMatchObject({
    gateway: a.apps.gateway,
    tokenBridge: a.apps.tokenBridge?.bridge,
    token: a.apps.tokenBridge?.token,
    ozBridgeERC20: devnet.bridges.openZeppelin.bridgeERC20,
    cosmWasmTokenBridge: devnet.bridges.cosmWasmToken.evm.bridge,
    cosmWasmToken: devnet.bridges.cosmWasmToken.evm.token,
  })
  expect(apps('wasm')).toMatchObject({
    tokenBridge: devnet.bridges.cosmWasmToken.cosmwasm.bridge,
    token: 'ustake',
  })
  expect(apps('evm-b')).toMatchObject({
    gateway: b.apps.gateway,
    tokenBridge: b.apps.tokenBridge?.bridge,
    token: b.apps.tokenBridge?.token,
    ozERC20Crosschain: devnet.bridges.openZeppelin.erc20Crosschain,
  })
  // BridgeERC20 locks the same test ERC-20 as evm-a's Ferry bridge.
  expect(devnet.bridges.openZeppelin.token).toBe(a.apps.tokenBridge?.token)
})
