// Tokens across kinds (spec/apps/token-bridge.md, issue 16 §2): an EVM chain (`hardhat node`,
// 31337) and the embedded CosmWasm chain (7001) from the test kit, connected both ways, with
//   - the CosmWasm native lock bridge of the chain's denom (6 decimals) ↔ an EVM
//     SyntheticTokenBridge issuing it with 18 decimals;
//   - an EVM CollateralTokenBridge locking an 18-decimal ERC-20 ↔ the CosmWasm bridge in
//     synthetic mode (a CW20-compatible token, 6 decimals).
// The test relays with the origins' validator keys (two of three) and checks every balance
// exactly, the dust left with the sender, and the collateral on both sides.
import {
  createTokenBridgeClient,
  EndpointError,
  parseEndpointError,
  retry,
} from '@ferry/cosmwasm-bindings'
import {
  connectTokenBridges as connectCosmWasmBridges,
  deployTokenBridge as deployCosmWasmBridge,
} from '@ferry/cosmwasm-bindings/testing'
import {
  collateralTokenBridgeAbi,
  endpointAbi,
  ozTestTokenAbi,
  ozTestTokenBytecode,
  testRecipientAbi,
} from '@ferry/evm-contracts'
import {
  connectTokenBridges as connectEvmBridges,
  deployTokenBridge as deployEvmBridge,
} from '@ferry/evm-contracts/testing'
import { bech32ToBytes32, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { type Address, encodePacked, erc20Abi, type Hex, hexToString } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvmTestChain } from '../../src/chains/deployEvmTestChain.js'
import type { CosmWasmTestChain } from '../../src/chains/startCosmWasmTestChain.js'
import { TEST_COSMWASM_ACCOUNTS, TEST_COSMWASM_DENOM } from '../../src/keys/testAccounts.js'
import { relayToCosmWasm, relayToEvm } from './relayAcrossKinds.js'
import { type EvmCosmWasmPair, startEvmCosmWasmPair } from './startEvmCosmWasmPair.js'

const E6 = 10n ** 6n
const E12 = 10n ** 12n
const E18 = 10n ** 18n
const { owner, user } = TEST_COSMWASM_ACCOUNTS
/** A Failed message's result: the contract's error text. */
const textOf = (result: Hex) => hexToString(result)

describe('token bridges EVM ↔ CosmWasm', () => {
  let pair: EvmCosmWasmPair
  let evm: EvmTestChain
  let wasm: CosmWasmTestChain
  let alice: Address // the EVM deployer
  let erc20: Address
  // EVM SyntheticTokenBridge (18 decimals) ↔ CosmWasm native lock bridge of ustake (6).
  let evmMint: { bridge: Address; token: Address }
  let wasmLock: string
  // EVM CollateralTokenBridge of the ERC-20 (18) ↔ CosmWasm synthetic (6).
  let evmLock: Address
  let wasmMint: string

  /** Waits for the transaction and checks that it succeeded. */
  async function mined(hash: Promise<Hex>) {
    const receipt = await evm.client.waitForTransactionReceipt({ hash: await hash })
    expect(receipt.status).toBe('success')
    return receipt
  }
  const erc20Balance = (token: Address, holder: Address) =>
    evm.client.readContract({
      address: token,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [holder],
    })
  const evmCollateral = (bridge: Address) =>
    evm.client.readContract({
      address: bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'collateralOf',
      args: [wasm.domain],
    })
  const wasmBank = (address: string) => {
    if (wasm.node.type !== 'embedded') throw new Error('an embedded chain')
    return wasm.node.chain.getBalance(address, TEST_COSMWASM_DENOM)
  }
  const cw20 = async (address: string) =>
    BigInt(
      ((await wasm.executor.query(wasmMint, { balance: { address } })) as { balance: string })
        .balance,
    )
  const wasmCollateral = async (bridge: string) =>
    BigInt(
      (
        (await wasm.executor.query(bridge, { collateral_of: { domain: evm.domain } })) as {
          collateral: string
        }
      ).collateral,
    )

  /** `alice` sends `amount` through the EVM bridge to `recipient` on CosmWasm, paying the quote. */
  async function fromEvm(bridge: Address, recipient: Hex, amount: bigint) {
    const [fee] = await evm.client.readContract({
      address: bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'quoteTransfer',
      args: [wasm.domain, amount],
    })
    await mined(
      evm.wallet.writeContract({
        address: bridge,
        abi: collateralTokenBridgeAbi,
        functionName: 'transferRemote',
        args: [wasm.domain, recipient, amount],
        value: fee,
        account: evm.wallet.account ?? null,
        chain: evm.wallet.chain,
      }),
    )
    return relayToCosmWasm(evm, wasm, pair.signers(evm.domain))
  }

  beforeAll(async () => {
    pair = await startEvmCosmWasmPair()
    ;({ evm, wasm } = pair)
    alice = evm.wallet.account?.address ?? '0x'

    evmMint = await deployEvmBridge(evm, {
      endpoint: evm.endpoint,
      kind: 'synthetic',
      name: 'Bridged Stake',
      symbol: 'bSTAKE',
      decimals: 18,
    })
    ;({ bridge: wasmLock } = await deployCosmWasmBridge(wasm.executor, {
      endpoint: wasm.endpoint,
      owner,
      mode: 'native',
      denom: TEST_COSMWASM_DENOM,
      decimals: 6,
    }))
    const receipt = await evm.client.waitForTransactionReceipt({
      hash: await evm.wallet.deployContract({
        abi: ozTestTokenAbi,
        bytecode: ozTestTokenBytecode,
        account: evm.wallet.account ?? null,
        chain: evm.wallet.chain,
      }),
    })
    erc20 = receipt.contractAddress ?? '0x'
    ;({ bridge: evmLock } = await deployEvmBridge(evm, {
      endpoint: evm.endpoint,
      kind: 'collateral',
      token: erc20,
    }))
    ;({ bridge: wasmMint } = await deployCosmWasmBridge(wasm.executor, {
      endpoint: wasm.endpoint,
      owner,
      mode: 'synthetic',
      name: 'Bridged Test Token',
      symbol: 'bTT',
      decimals: 6,
    }))
    for (const [evmBridge, wasmBridge, evmDecimals] of [
      [evmMint.bridge, wasmLock, 18],
      [evmLock, wasmMint, 18],
    ] as const) {
      await connectEvmBridges(evm, {
        bridge: evmBridge,
        remote: { domain: wasm.domain, bridge: bech32ToBytes32(wasmBridge), decimals: 6 },
        gasLimit: 300_000,
      })
      await connectCosmWasmBridges(wasm.executor, {
        bridge: wasmBridge,
        owner,
        remote: {
          domain: evm.domain,
          bridge: evmAddressToBytes32(evmBridge),
          decimals: evmDecimals,
        },
        gasLimit: 300_000,
      })
    }
    await mined(
      evm.wallet.writeContract({
        address: erc20,
        abi: ozTestTokenAbi,
        functionName: 'mint',
        args: [alice, 1_000n * E18],
        account: evm.wallet.account ?? null,
        chain: evm.wallet.chain,
      }),
    )
    await mined(
      evm.wallet.writeContract({
        address: erc20,
        abi: ozTestTokenAbi,
        functionName: 'approve',
        args: [evmLock, 1_000n * E18],
        account: evm.wallet.account ?? null,
        chain: evm.wallet.chain,
      }),
    )
  })
  afterAll(async () => {
    await pair?.stop()
  })

  it('CosmWasm native (6) → EVM synthetic (18) and back, exactly, the fee in the same denom', async () => {
    // The bridged denom is the endpoint's fee denom: the funds cover sent + fee.
    const before = wasmBank(user)
    const { sent, message } = await transferFromCosmWasm(
      wasmLock,
      evmAddressToBytes32(alice),
      5n * E6,
    )
    expect(sent).toBe(5n * E6)
    expect(wasmBank(wasmLock)).toBe(5n * E6)
    expect(await wasmCollateral(wasmLock)).toBe(5n * E6)
    const fee = before - wasmBank(user) - 5n * E6
    expect(fee).toBeGreaterThan(0n)
    const [delivered] = await relayToEvm(wasm, evm, pair.signers(wasm.domain))
    expect(delivered).toMatchObject({ message, status: MessageStatus.Executed })
    expect(await erc20Balance(evmMint.token, alice)).toBe(5n * E18)

    // Back with dust: 1.000000000000000123 sends 1.000000 to the user.
    const [back] = await fromEvm(evmMint.bridge, bech32ToBytes32(user), E18 + 123n)
    expect(back?.status).toBe(MessageStatus.Executed)
    // Only 1e18 left Alice: the 123 of dust stayed.
    expect(await erc20Balance(evmMint.token, alice)).toBe(4n * E18)
    expect(wasmBank(user)).toBe(before - fee - 4n * E6)
    expect(wasmBank(wasmLock)).toBe(4n * E6)
    expect(await wasmCollateral(wasmLock)).toBe(4n * E6)
    expect(await evmCollateral(evmMint.bridge)).toBe(4n * E18)
  })

  it('EVM ERC-20 (18) → CosmWasm synthetic CW20 (6) and back, exactly, to a bech32 recipient', async () => {
    const amount = 1_234_567_891_234_567_891n
    const [delivered] = await fromEvm(evmLock, bech32ToBytes32(user), amount)
    expect(delivered?.status).toBe(MessageStatus.Executed)
    expect(await erc20Balance(erc20, alice)).toBe(1_000n * E18 - 1_234_567n * E12)
    expect(await erc20Balance(erc20, evmLock)).toBe(1_234_567n * E12)
    expect(await cw20(user)).toBe(1_234_567n)
    expect(await wasmCollateral(wasmMint)).toBe(1_234_567n)
    expect(await wasm.executor.query(wasmMint, { token_info: {} })).toEqual({
      name: 'Bridged Test Token',
      symbol: 'bTT',
      decimals: 6,
      total_supply: '1234567',
    })

    // Back: the user burns 1.000000 on CosmWasm; 1e18 is released on EVM.
    await transferFromCosmWasm(wasmMint, evmAddressToBytes32(alice), E6)
    expect(await cw20(user)).toBe(234_567n)
    const [released] = await relayToEvm(wasm, evm, pair.signers(wasm.domain))
    expect(released?.status).toBe(MessageStatus.Executed)
    expect(await erc20Balance(erc20, alice)).toBe(1_000n * E18 - 234_567n * E12)
    expect(await evmCollateral(evmLock)).toBe(234_567n * E12)
    expect(await wasmCollateral(wasmMint)).toBe(234_567n)

    // More than the user holds is refused on CosmWasm, with a named error, nothing burned.
    await expect(
      transferFromCosmWasm(wasmMint, evmAddressToBytes32(alice), 234_568n),
    ).rejects.toSatisfy(
      (error) =>
        error instanceof EndpointError && error.code === 'token_bridge_insufficient_balance',
    )
    expect(await cw20(user)).toBe(234_567n)
  })

  it('an inbound limit on CosmWasm fails an EVM transfer, which a retry delivers once refilled', async () => {
    // 3 tokens at once on the CosmWasm side, 0.1 more per second: 2 arrive, then 2 more fail
    // (unless ten seconds pass between the two deliveries).
    await connectCosmWasmBridges(wasm.executor, {
      bridge: wasmMint,
      owner,
      remote: { domain: evm.domain, bridge: evmAddressToBytes32(evmLock), decimals: 18 },
      gasLimit: 300_000,
      inbound: { capacity: 3n * E6, refillPerSecond: E6 / 10n },
    })
    const [first] = await fromEvm(evmLock, bech32ToBytes32(user), 2n * E18)
    expect(first?.status).toBe(MessageStatus.Executed)
    const held = await cw20(user)
    const [failed] = await fromEvm(evmLock, bech32ToBytes32(user), 2n * E18)
    expect(failed?.status).toBe(MessageStatus.Failed)
    expect(parseEndpointError(new Error(textOf(failed?.result ?? '0x')))).toMatchObject({
      code: 'token_bridge_rate_limited',
      fields: { domain: evm.domain, outbound: false, amount: (2n * E6).toString() },
    })
    expect(await cw20(user)).toBe(held)
    if (wasm.node.type !== 'embedded') throw new Error('an embedded chain')
    wasm.node.chain.advance({ seconds: 20 })
    const { events } = await retry(wasm.executor, {
      contract: wasm.endpoint,
      sender: TEST_COSMWASM_ACCOUNTS.relayer,
      message: failed?.message ?? '0x',
      gasLimit: 300_000,
    })
    expect(events.find((event) => event.type === 'messageRetried')).toMatchObject({
      status: MessageStatus.Executed,
    })
    expect(await cw20(user)).toBe(held + 2n * E6)
  })

  it('security: a release from an EVM app that is not the peer bridge fails on CosmWasm', async () => {
    const forger = evm.apps.testRecipients[0] ?? '0x'
    const body = encodePacked(
      ['uint8', 'bytes32', 'uint256', 'bytes32'],
      [1, bech32ToBytes32(user), 4n * E6, evmAddressToBytes32(forger)],
    )
    const fee = await evm.client.readContract({
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'quote',
      args: [wasm.domain, 97n, 300_000, 0],
    })
    await mined(
      evm.wallet.writeContract({
        address: forger,
        abi: testRecipientAbi,
        functionName: 'sendVia',
        args: [evm.endpoint, wasm.domain, bech32ToBytes32(wasmLock), body, 300_000, 0, 0n],
        value: fee,
        account: evm.wallet.account ?? null,
        chain: evm.wallet.chain,
      }),
    )
    const locked = wasmBank(wasmLock)
    const [forged] = await relayToCosmWasm(evm, wasm, pair.signers(evm.domain))
    expect(forged?.status).toBe(MessageStatus.Failed)
    expect(parseEndpointError(new Error(textOf(forged?.result ?? '0x')))).toMatchObject({
      code: 'not_peer',
      fields: { origin: evm.domain, sender: evmAddressToBytes32(forger) },
    })
    expect(wasmBank(wasmLock)).toBe(locked)
  })

  /** The user sends `amount` from a CosmWasm bridge, paying the quote; returns the message. */
  async function transferFromCosmWasm(bridge: string, recipient: Hex, amount: bigint) {
    const client = createTokenBridgeClient(wasm.executor, bridge)
    return client.transferRemote({ sender: user, destination: evm.domain, recipient, amount })
  }
})
