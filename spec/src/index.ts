// Entry point of `@ferry/spec` (private, for tests): the protocol's test vectors (vectors/ beside
// PROTOCOL.md), typed, for every implementation's conformance tests. Reads the files once, at
// import; `FERRY_VECTORS_DIR` names another folder.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Address, Hex } from 'viem'

export type MessageVector = {
  name: string
  version: number
  flags: number
  origin: number
  sender: Hex
  destination: number
  recipient: Hex
  /** Decimal string (u64). */
  nonce: string
  /** A JSON number in the file, though README says u64 values are decimal strings. */
  deadline: number | string
  gasLimit: number
  ackGasLimit: number
  body: Hex
  encoded: Hex
  length: number
  id: Hex
  channel: Hex
}
export type MessagesVectors = {
  cases: MessageVector[]
  ackBody: { originalId: Hex; status: number; result: Hex; encoded: Hex }
}
export type AddressesVectors = {
  cases: { kind: 'evm' | 'cosmwasm-contract' | 'cosmwasm-account'; input: string; bytes32: Hex }[]
}
export type MerkleVectors = {
  depth: number
  zeroHashes: Hex[]
  cases: {
    count: number
    leaves: Hex[]
    root: Hex
    proofs: { leafIndex: number; leaf: Hex; branch: Hex[] }[]
  }[]
}
export type CheckpointsVectors = {
  validators: { privateKey: Hex; address: Address }[]
  threshold: number
  checkpoint: {
    origin: number
    originEndpoint: Hex
    domainHash: Hex
    index: number
    root: Hex
    digest: Hex
    ethSignedDigest: Hex
  }
  signatures: Hex[]
  signers: Address[]
  messages: Hex[]
  proof: {
    leafIndex: number
    message: Hex
    leaf: Hex
    /** The whole 32-level branch, for reference. */
    branch: Hex[]
    zeroMask: number
    /** The siblings the compact layout keeps, from level 0 up. */
    siblings: Hex[]
    encoded: Hex
    length: number
  }
  /** More proofs every verifier must accept; `branch` and `siblings` where they differ. */
  valid: {
    name: string
    leafIndex: number
    message: Hex
    branch?: Hex[]
    zeroMask: number
    siblings?: Hex[]
    encoded: Hex
  }[]
  invalid: { name: string; proof: Hex }[]
}
/** A domain's L1 data fee parameters (PROTOCOL §9); fees (wei) as decimal strings. */
export type L1FeeConfigVector = {
  l1BaseFee: string
  blobBaseFee: string
  baseFeeScalar: number
  blobBaseFeeScalar: number
  overheadBytes: number
}
/** A domain's fee configuration (PROTOCOL §9); `gasPrice`, `rate`, `baseFee` as decimal strings. */
export type FeeConfigVector = {
  gasPrice: string
  rate: string
  baseFee: string
  gasOverhead: number
  gasPerByte: number
  maxGasLimit: number
}
/** `fees.json`: the L1 data fee of a delivery to an OP Stack rollup, and whole quotes with it. */
export type FeesVectors = {
  constants: {
    costIntercept: number
    costFastlzCoef: number
    minTransactionSizeScaled: number
    scale: string
  }
  l1DataFee: { name: string; config: L1FeeConfigVector; bodyLength: number; l1DataFee: string }[]
  quote: {
    name: string
    destination: { domain: number; feeConfig: FeeConfigVector; l1FeeConfig: L1FeeConfigVector }
    local: { domain: number; feeConfig: FeeConfigVector; l1FeeConfig: L1FeeConfigVector }
    bodyLength: number
    gasLimit: number
    ackGasLimit: number
    fee: string
  }[]
}
/** `spec/apps/interchain-accounts.json`: the interchain-account app's examples. */
export type InterchainAccountsVectors = {
  bodies: ({
    name: string
    /** 1 CALL, 2 READ. */
    kind: 1 | 2
    owner: Hex
    payload: Hex
    body: Hex
  } & (
    | {
        calls: { target: Hex /** Decimal string. */; value: string; data: Hex }[]
        json?: undefined
      }
    | { json: unknown[]; calls?: undefined }
  ))[]
  results: { results: Hex[]; encoded: Hex }[]
  accounts: {
    origin: number
    owner: Hex
    salt: Hex
    factory: Address
    implementation: Address
    account: Address
  }[]
  evmFailure: { index: number; reason: Hex; encoded: Hex }
}

/** `spec/apps/token-bridge.json`: the token bridges' examples (amounts are decimal strings). */
export type TokenBridgeVectors = {
  scaling: {
    localDecimals: number
    remoteDecimals: number
    amount: string
    sent: string
    amountReceived: string
    dust: string
  }[]
  bodies: { name: string; recipient: Hex; amount: string; sender: Hex; body: Hex }[]
}
/** `spec/apps/erc7786-gateway.json`: the ERC-7786 gateway's examples. */
export type Erc7786GatewayVectors = {
  attributes: { signature: string; selector: Hex }[]
  receiveMessageSelector: Hex
  /** ERC-7930 chain-only addresses; `name` is `eip155:<id>` for EVM chains. */
  chains: { name: string; chain: Hex }[]
  /** ERC-7930 addresses of accounts, with the account as a message's bytes32. */
  addresses: { name: string; chain: Hex; account: Hex; interop: Hex }[]
  gasLimits: { recipientGas: number; payloadLength: number; gasLimit: number }[]
  bodies: {
    name: string
    gasLimit: number
    ackGasLimit: number
    deadline: string
    sender: Hex
    recipient: Hex
    payload: Hex
    body: Hex
  }[]
  messageIds: {
    origin: number
    sender: Hex
    destination: number
    recipient: Hex
    nonce: string
    body: Hex
    message: Hex
    id: Hex
  }[]
}

/** `spec/apps/htlc.json`: the hash time-locked contract app's examples. */
export type HtlcVectors = {
  hashlocks: { preimage: Hex; hashlock: Hex }[]
  rejectedPreimages: { name: string; preimage: Hex }[]
  lockIds: {
    name: string
    domain: number
    /** As given: an EVM address or a bech32 address. */
    htlc: string
    locker: string
    recipient: string
    hashlock: Hex
    /** Decimal string. */
    timelock: string
    /** An EVM address (zero: native) or a CosmWasm denom. */
    token: string
    /** Decimal string. */
    amount: string
    /** Decimal string. */
    nonce: string
    /** The PROTOCOL §2 bytes32 of the addresses, and the token's bytes32. */
    bytes32: { htlc: Hex; locker: Hex; recipient: Hex; token: Hex }
    id: Hex
  }[]
  claimBodies: { name: string; lockId: Hex; preimage: Hex; body: Hex }[]
  outcomes: Record<
    'Claimed' | 'UnknownLock' | 'NotOpen' | 'Expired' | 'WrongPreimage' | 'MalformedBody',
    number
  >
}

/** `spec/vectors`, from this file in `spec/{src,dist}/`. */
const vectorsDir =
  process.env.FERRY_VECTORS_DIR ?? fileURLToPath(new URL('../vectors/', import.meta.url))

function load<T>(file: string): T {
  // CAST: the vector files are the protocol's fixtures; the types above describe them.
  return JSON.parse(readFileSync(join(vectorsDir, file), 'utf8')) as T
}

export const messagesVectors = load<MessagesVectors>('messages.json')
export const addressesVectors = load<AddressesVectors>('addresses.json')
export const merkleVectors = load<MerkleVectors>('merkle.json')
export const checkpointsVectors = load<CheckpointsVectors>('checkpoints.json')
/**
 * A file of Ferry's own, relative to `spec/`: an app's examples (`apps/<file>`) or a vector file
 * the reference does not have (`vectors/fees.json`, the L1 data fee of PROTOCOL §9), so never
 * redirected by `FERRY_VECTORS_DIR`.
 */
function loadOwn<T>(path: string): T {
  // CAST: Ferry's own fixtures; the types above describe them.
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8'),
  ) as T
}

export const feesVectors = loadOwn<FeesVectors>('vectors/fees.json')
export const interchainAccountsVectors = loadOwn<InterchainAccountsVectors>(
  'apps/interchain-accounts.json',
)
export const tokenBridgeVectors = loadOwn<TokenBridgeVectors>('apps/token-bridge.json')
export const erc7786GatewayVectors = loadOwn<Erc7786GatewayVectors>('apps/erc7786-gateway.json')
export const htlcVectors = loadOwn<HtlcVectors>('apps/htlc.json')

/** A message vector's fields as `@ferry/protocol`'s `Message` has them (u64 fields as bigint). */
export type VectorMessage = Omit<
  MessageVector,
  'name' | 'nonce' | 'deadline' | 'encoded' | 'length' | 'id' | 'channel'
> & {
  nonce: bigint
  deadline: bigint
}

/**
 * A message vector as the codec's `Message` (u64 fields as bigint).
 *
 * @example
 * ```ts
 * import { encodeMessage } from '@ferry/protocol'
 * import { messageFromVector, messagesVectors } from '@ferry/spec'
 *
 * for (const vector of messagesVectors.cases) assert(encodeMessage(messageFromVector(vector)) === vector.encoded)
 * ```
 */
export function messageFromVector(vector: MessageVector): VectorMessage {
  const { version, flags, origin, sender, destination, recipient, gasLimit, ackGasLimit, body } =
    vector
  return {
    version,
    flags,
    origin,
    sender,
    destination,
    recipient,
    nonce: BigInt(vector.nonce),
    deadline: BigInt(vector.deadline),
    gasLimit,
    ackGasLimit,
    body,
  }
}
