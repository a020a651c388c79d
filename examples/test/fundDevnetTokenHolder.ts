// The devnet's evm-a token bridge locks its test ERC-20 (TT, 18 decimals, which anyone may mint),
// and evm-b's mints bTT (6 decimals): the examples' test gives a holder TT and its approval of
// the lock bridge, as a user would hold and approve a real token, and reads both balances.
import { bridgedTokenAbi, ozTestTokenAbi } from '@ferry/evm-contracts'
import type { DevnetFile, DevnetFileEvmChain } from '@ferry/sdk'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  maxUint256,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** An EVM chain of the devnet file with its token bridge and token (addresses in its apps). */
function withTokenBridge(file: DevnetFile, name: string) {
  const chain = file.chains.find(
    (c): c is DevnetFileEvmChain => c.kind === 'evm' && c.name === name,
  )
  const { tokenBridge, token } = chain?.apps ?? {}
  if (!chain || !tokenBridge || !token)
    throw new Error(`the devnet has no EVM chain ${name} with a token bridge`)
  // CAST: an EVM chain's apps are addresses
  return { rpcUrl: chain.rpcUrl, bridge: tokenBridge as Address, token: token as Address }
}

/**
 * Mints `minted` TT to the holder on evm-a and approves evm-a's token bridge for all of it.
 *
 * @example
 * const { minted, balances } = await fundDevnetTokenHolder(devnet.file, { holderKey })
 */
export async function fundDevnetTokenHolder(file: DevnetFile, { holderKey }: { holderKey: Hex }) {
  const [a, b] = [withTokenBridge(file, 'evm-a'), withTokenBridge(file, 'evm-b')]
  const account = privateKeyToAccount(holderKey)
  const reader = (rpcUrl: string) => createPublicClient({ transport: http(rpcUrl) })
  const wallet = createWalletClient({ account, transport: http(a.rpcUrl) })
  const mined = async (hash: Promise<Hex>) =>
    reader(a.rpcUrl).waitForTransactionReceipt({ hash: await hash })
  const minted = 100n * 10n ** 18n
  await mined(
    wallet.writeContract({
      chain: null, // the node's own chain id, read when signing
      address: a.token,
      abi: ozTestTokenAbi,
      functionName: 'mint',
      args: [account.address, minted],
    }),
  )
  await mined(
    wallet.writeContract({
      chain: null, // the node's own chain id, read when signing
      address: a.token,
      abi: ozTestTokenAbi,
      functionName: 'approve',
      args: [a.bridge, maxUint256],
    }),
  )
  const balanceOf = (chain: typeof a, owner: Address) =>
    reader(chain.rpcUrl).readContract({
      address: chain.token,
      abi: bridgedTokenAbi,
      functionName: 'balanceOf',
      args: [owner],
    })
  return {
    minted,
    /** `owner`'s TT on evm-a and bTT on evm-b. */
    balances: async (owner: Address) => ({
      origin: await balanceOf(a, owner),
      destination: await balanceOf(b, owner),
    }),
  }
}
