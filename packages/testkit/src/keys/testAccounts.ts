import type { Hex } from 'viem'

// Well-known keys for local chains only: Hardhat's default funded accounts (public, funded on
// every `hardhat node`) and CosmWasm accounts from Hardhat's public test mnemonic. Never use
// them anywhere else. Validator keys are derived per origin: `testValidatorKeys`,
// `devnetValidatorKey`.

/**
 * Hardhat's default funded accounts 0–4.
 *
 * @example
 * const wallet = createWalletClient({ account: privateKeyToAccount(HARDHAT_KEYS[3]), chain, transport })
 */
export const HARDHAT_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
] as const satisfies readonly Hex[]

/**
 * Hardhat account 0: deploys and owns the EVM contracts, and sends test messages.
 *
 * @example
 * const deployer = privateKeyToAccount(TEST_DEPLOYER_KEY, { nonceManager })
 */
export const TEST_DEPLOYER_KEY: Hex = HARDHAT_KEYS[0]

/**
 * The relayers' keys on every EVM chain (Hardhat accounts 1 and 2): one per relayer process in
 * tests with several; the devnet's relayer is the first.
 *
 * @example
 * const adapter = createEvmChain({ privateKey: TEST_RELAYER_KEYS[0], … })
 */
export const TEST_RELAYER_KEYS = [
  HARDHAT_KEYS[1],
  HARDHAT_KEYS[2],
] as const satisfies readonly Hex[]

/**
 * The mnemonic of the CosmWasm test accounts (Hardhat's test mnemonic), on the Cosmos HD path
 * `m/44'/118'/0'/0/<index>`: real keys, so that a wasmd node accepts their transactions; the
 * embedded chain signs nothing and uses the same addresses.
 *
 * @example
 * const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TEST_COSMWASM_MNEMONIC, { prefix: TEST_COSMWASM_BECH32_PREFIX })
 */
export const TEST_COSMWASM_MNEMONIC = 'test test test test test test test test test test test junk'

/**
 * The bech32 prefix of the CosmWasm test chains.
 *
 * @example
 * createEmbeddedChain({ chainId: 'ferry-7001', bech32Prefix: TEST_COSMWASM_BECH32_PREFIX })
 */
export const TEST_COSMWASM_BECH32_PREFIX = 'wasm'

/**
 * The fee denom of the CosmWasm test chains.
 *
 * @example
 * deployEndpoint(chain, { domain: 7001, owner: TEST_COSMWASM_ACCOUNTS.owner, denom: TEST_COSMWASM_DENOM })
 */
export const TEST_COSMWASM_DENOM = 'ustake'

/**
 * Each CosmWasm test account's index on the mnemonic's HD path: the relayer is account 0 (what
 * a mnemonic signer uses), the owner 1 and the user 2.
 *
 * @example
 * const path = makeCosmoshubPath(TEST_COSMWASM_HD_INDEX.owner)
 */
export const TEST_COSMWASM_HD_INDEX = { relayer: 0, owner: 1, user: 2 } as const

/**
 * The CosmWasm test accounts: the relayer's; the owner, who deploys and configures the endpoint
 * and apps; the user, who pays for messages sent from the chain.
 *
 * @example
 * await connectOrigin(chain, { endpoint, owner: TEST_COSMWASM_ACCOUNTS.owner, … })
 */
export const TEST_COSMWASM_ACCOUNTS = {
  relayer: 'wasm15yk64u7zc9g9k2yr2wmzeva5qgwxps6yvw76s4',
  owner: 'wasm1erxf3sa9q2j4vgseu7jq4a258ckmk7cy9zt7wf',
  user: 'wasm1htamarexaxhgdsp0xu6sppeyx7avtvqr84t7ar',
} as const
