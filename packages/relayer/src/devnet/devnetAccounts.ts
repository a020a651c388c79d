import { bytes32ToBech32 } from '@ferry/sdk/codec'
import { type Hex, keccak256, stringToHex } from 'viem'

// Well-known keys for a local devnet only: Hardhat's first two default accounts (funded on every
// `hardhat node`) and validator keys derived from public strings. Never use them anywhere else.

/** Deploys and owns the EVM contracts, and sends the demo messages. */
export const DEVNET_DEPLOYER_KEY: Hex =
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
/** The relayer's key on every EVM chain. */
export const DEVNET_RELAYER_KEY: Hex =
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'
/** The devnet validator of `domain` (one per chain; threshold 1). */
export const devnetValidatorKey = (domain: number): Hex =>
  keccak256(stringToHex(`ferry devnet validator ${domain}`))

/** A bech32 account of 20 bytes, each `byte`. */
const account = (byte: number): string =>
  bytes32ToBech32(`0x${'00'.repeat(12)}${byte.toString(16).padStart(2, '0').repeat(20)}`, 'wasm')

/** Owns the CosmWasm endpoint and apps. */
export const DEVNET_COSMWASM_OWNER = account(0x11)
/** The relayer's account on the CosmWasm chain (the embedded chain charges no gas). */
export const DEVNET_COSMWASM_RELAYER = account(0x22)
/** Pays for the demo messages sent from the CosmWasm chain. */
export const DEVNET_COSMWASM_USER = account(0x33)
export const DEVNET_COSMWASM_DENOM = 'ustake'
