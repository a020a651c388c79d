import { tokenBridgeVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { describeTransfer } from './describeTransfer.ts'

// The token-bridge examples of spec/apps/token-bridge.json, described for people between the
// bridges of a chains file (the devnet file's shape, with each chain's token).
const [toEvm, toWasm, fromContract] = tokenBridgeVectors.bodies
if (!toEvm || !toWasm || !fromContract) throw new Error('spec/apps/token-bridge.json has 3 bodies')

const EVM_BRIDGE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
const WASM_BRIDGE = fromContract.sender // a 32-byte CosmWasm contract
const bridge32 = `0x000000000000000000000000${EVM_BRIDGE.slice(2).toLowerCase()}`
const chains = {
  chains: [
    {
      domain: 31337,
      kind: 'evm',
      apps: { tokenBridge: EVM_BRIDGE },
      token: { symbol: 'bWASM', decimals: 18 },
    },
    {
      domain: 7001,
      kind: 'cosmwasm',
      bech32Prefix: 'wasm',
      apps: { tokenBridge: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d' },
      token: { symbol: 'WASM', decimals: 6 },
    },
  ],
}
const evmToWasm = { origin: 31337, sender: bridge32, destination: 7001, recipient: WASM_BRIDGE }

test('EVM → CosmWasm: whole tokens of the destination’s decimals, addresses in each chain’s form', () => {
  expect(describeTransfer(chains, { ...evmToWasm, body: toWasm.body })).toBe(
    'Token transfer: 3 WASM from 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 to wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85',
  )
})

test('CosmWasm → EVM: 18 decimals, a 32-byte contract sender in bech32', () => {
  const wasmToEvm = { origin: 7001, sender: WASM_BRIDGE, destination: 31337, recipient: bridge32 }
  expect(describeTransfer(chains, { ...wasmToEvm, body: fromContract.body })).toBe(
    `Token transfer: 1 bWASM from ${chains.chains[1]?.apps.tokenBridge} to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8`,
  )
})

test('without the token in the chains file, the amount is in base units', () => {
  const bare = { chains: chains.chains.map(({ token: _, ...chain }) => chain) }
  expect(describeTransfer(bare, { ...evmToWasm, body: toWasm.body })).toBe(
    'Token transfer: 3000000 base units from 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 to wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85',
  )
})

describe('is not described', () => {
  test('a 97-byte version-1 body between apps that are not the chains’ bridges', () => {
    const stranger = `0x${'00'.repeat(12)}${'ab'.repeat(20)}`
    expect(
      describeTransfer(chains, {
        ...evmToWasm,
        sender: stranger,
        recipient: stranger,
        body: toWasm.body,
      }),
    ).toBeUndefined()
  })

  test('a bridge’s message whose body is not a transfer, or no chains file', () => {
    expect(
      describeTransfer(chains, { ...evmToWasm, body: `0x02${toWasm.body.slice(4)}` }),
    ).toBeUndefined()
    expect(describeTransfer(chains, { ...evmToWasm, body: '0x68656c6c6f' })).toBeUndefined()
    expect(describeTransfer(undefined, { ...evmToWasm, body: toWasm.body })).toBeUndefined()
  })
})

test('a recipient that is not an address of its chain is shown as the hex it holds', () => {
  const forged = `0x01${'11'.repeat(32)}${toEvm.body.slice(68)}`
  const toEvmChain = { origin: 7001, sender: WASM_BRIDGE, destination: 31337, recipient: bridge32 }
  expect(describeTransfer(chains, { ...toEvmChain, body: forged })).toContain(
    `to 0x${'11'.repeat(32)}`,
  )
})
