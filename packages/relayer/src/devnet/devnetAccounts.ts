import { type Hex, keccak256, stringToHex } from 'viem'

// Well-known keys for a local devnet only: Hardhat's first two default accounts (funded on every
// `hardhat node`), validator keys derived from public strings, and CosmWasm accounts from
// Hardhat's public test mnemonic. Never use them anywhere else.

/** Deploys and owns the EVM contracts, and sends the demo messages. */
export const DEVNET_DEPLOYER_KEY: Hex =
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
/** The relayer's key on every EVM chain. */
export const DEVNET_RELAYER_KEY: Hex =
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'
/** The devnet validator of `domain` (one per chain; threshold 1). */
export const devnetValidatorKey = (domain: number): Hex =>
  keccak256(stringToHex(`ferry devnet validator ${domain}`))

/**
 * The mnemonic of the devnet's CosmWasm accounts (Hardhat's test mnemonic), on the Cosmos HD
 * path `m/44'/118'/0'/0/<index>`: the relayer is account 0 (what a mnemonic signer uses), the
 * owner 1 and the user 2. Real keys, so that a wasmd node accepts their transactions; the
 * embedded chain signs nothing and uses the same addresses.
 */
export const DEVNET_COSMWASM_MNEMONIC =
  'test test test test test test test test test test test junk'
export const DEVNET_COSMWASM_BECH32_PREFIX = 'wasm'
/** The relayer's account on the CosmWasm chain: account 0 of the mnemonic. */
export const DEVNET_COSMWASM_RELAYER = 'wasm15yk64u7zc9g9k2yr2wmzeva5qgwxps6yvw76s4'
/** Owns the CosmWasm endpoint and apps: account 1 of the mnemonic. */
export const DEVNET_COSMWASM_OWNER = 'wasm1erxf3sa9q2j4vgseu7jq4a258ckmk7cy9zt7wf'
/** Pays for the demo messages sent from the CosmWasm chain: account 2 of the mnemonic. */
export const DEVNET_COSMWASM_USER = 'wasm1htamarexaxhgdsp0xu6sppeyx7avtvqr84t7ar'
/** Each CosmWasm account's index on the mnemonic's HD path. */
export const DEVNET_COSMWASM_HD_INDEX = { relayer: 0, owner: 1, user: 2 } as const
export const DEVNET_COSMWASM_DENOM = 'ustake'
