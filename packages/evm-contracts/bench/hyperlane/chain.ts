/**
 * Thin viem plumbing over a Hardhat 3 connection: deploy a Hyperlane artifact, send a call and
 * return its receipt (throwing on revert), read a view. Every gas figure the bench reports is the
 * `gasUsed` of a receipt obtained here, i.e. the whole transaction including intrinsic/calldata gas.
 */
import type {
  HardhatViemHelpers,
  PublicClient,
  WalletClient,
} from '@nomicfoundation/hardhat-viem/types'
import type { Abi, Address, Hex, TransactionReceipt } from 'viem'
import type { HyperlaneContractName } from './artifacts.ts'
import { hyperlaneArtifact } from './artifacts.ts'

/** The part of `(await network.connect()).viem` the bench needs. */
export type ViemHelpers = Pick<
  HardhatViemHelpers,
  'getPublicClient' | 'getWalletClients' | 'deployContract'
>

export type Chain = {
  readonly publicClient: PublicClient
  /** Deploys, owns and configures everything; also the dispatching app (sender of every message). */
  readonly deployer: WalletClient
  /** Submits `Mailbox.process`, like an off-chain relayer would. */
  readonly relayer: WalletClient
}

export async function connectChain(viem: ViemHelpers): Promise<Chain> {
  const publicClient = await viem.getPublicClient()
  const [deployer, relayer] = await viem.getWalletClients()
  if (!deployer || !relayer)
    throw new Error('hyperlane bench: needs two funded accounts on the network')
  return { publicClient, deployer, relayer }
}

async function confirmed(chain: Chain, hash: Hex, what: string): Promise<TransactionReceipt> {
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success')
    throw new Error(`hyperlane bench: ${what} reverted (tx ${hash})`)
  return receipt
}

/** Deploys `name` from the @hyperlane-xyz/core bytecode with constructor `args`. */
export async function deploy(
  chain: Chain,
  name: HyperlaneContractName,
  args: readonly unknown[] = [],
): Promise<Address> {
  const { abi, bytecode } = hyperlaneArtifact(name)
  const hash = await chain.deployer.deployContract({ abi, bytecode, args })
  const receipt = await confirmed(chain, hash, `deploying ${name}`)
  if (!receipt.contractAddress)
    throw new Error(`hyperlane bench: ${name} deployment has no address`)
  return receipt.contractAddress
}

export type Call = {
  readonly contract: HyperlaneContractName
  readonly address: Address
  readonly functionName: string
  readonly args?: readonly unknown[]
  readonly value?: bigint
  /** Defaults to the deployer. */
  readonly from?: WalletClient
}

/** Sends one transaction and returns its successful receipt. */
export async function send(chain: Chain, call: Call): Promise<TransactionReceipt> {
  const abi: Abi = hyperlaneArtifact(call.contract).abi
  const wallet = call.from ?? chain.deployer
  const hash = await wallet.writeContract({
    address: call.address,
    abi,
    functionName: call.functionName,
    args: call.args ?? [],
    ...(call.value === undefined ? {} : { value: call.value }),
  })
  return confirmed(chain, hash, `${call.contract}.${call.functionName}`)
}

/** Calls a view function. */
export async function read(
  chain: Chain,
  contract: HyperlaneContractName,
  address: Address,
  functionName: string,
  args: readonly unknown[] = [],
): Promise<unknown> {
  const abi: Abi = hyperlaneArtifact(contract).abi
  return chain.publicClient.readContract({ address, abi, functionName, args })
}
