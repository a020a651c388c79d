// Deploying and writing set-up transactions for the /testing helpers: wait for each, and throw
// a named error when it reverted or created no contract.
import type { Address, Hash, PublicClient, WalletClient } from 'viem'

/** A chain to deploy on: a public client to read and wait, a wallet client whose account pays. */
export type FerryChainClients = { client: PublicClient; wallet: WalletClient }

/** A set-up transaction (`setOrigin`, `setFeeConfig`, …) mined, and reverted. */
export class SetupRevertedError extends Error {
  override name = 'SetupRevertedError'
  readonly hash: Hash
  constructor(hash: Hash) {
    super(`Set-up transaction ${hash} reverted.`)
    this.hash = hash
  }
}

/** Thrown when a deployment transaction mined without a contract address. */
export class DeploymentFailedError extends Error {
  override name = 'DeploymentFailedError'
  constructor(contract: string, hash: Hash) {
    super(`Deploying ${contract} (transaction ${hash}) created no contract.`)
  }
}

/** The wallet's account, which pays and owns what the helpers deploy. */
export function accountOf(wallet: WalletClient) {
  if (!wallet.account) throw new Error('The wallet client needs an account to deploy with.')
  return wallet.account
}

export async function deploy(
  { client }: FerryChainClients,
  contract: string,
  send: () => Promise<Hash>,
): Promise<Address> {
  const hash = await send()
  const receipt = await client.waitForTransactionReceipt({ hash })
  if (!receipt.contractAddress) throw new DeploymentFailedError(contract, hash)
  return receipt.contractAddress
}

export async function write(
  { client }: FerryChainClients,
  send: () => Promise<Hash>,
): Promise<void> {
  const hash = await send()
  const receipt = await client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new SetupRevertedError(hash)
}
