import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import { startWasmdLocalnet } from '@ferry/cosmwasm-bindings/localnet'
import { deployerFromSigningClient } from '@ferry/cosmwasm-bindings/testing'
import {
  DEVNET_COSMWASM_BECH32_PREFIX,
  DEVNET_COSMWASM_DENOM,
  DEVNET_COSMWASM_HD_INDEX,
  DEVNET_COSMWASM_MNEMONIC,
  DEVNET_COSMWASM_OWNER,
  DEVNET_COSMWASM_RELAYER,
  DEVNET_COSMWASM_USER,
} from './devnetAccounts.js'
import type { CosmWasmDevnetNode } from './startCosmWasmDevnetChain.js'

/** Low but not zero, so that every account really pays for its transactions. */
const GAS_PRICE = `0.01${DEVNET_COSMWASM_DENOM}`

/**
 * A single-validator wasmd node on 127.0.0.1 for the devnet (the bindings' localnet, blocks
 * every `blockTimeMs`), with the relayer, the owner and the user funded at genesis, and a
 * deployer signing as the owner or the user through cosmjs. `stop` stops the node, waits for it
 * to exit and removes its home folder.
 *
 * @example
 * const binary = await buildWasmd()
 * const { location, deployer, stop } = await startWasmdDevnetNode({ chainId: 'ferry-devnet-7001', blockTimeMs: 500, binary })
 */
export async function startWasmdDevnetNode({
  chainId,
  blockTimeMs,
  binary,
}: {
  chainId: string
  blockTimeMs: number
  /** The wasmd binary (`buildWasmd`). */
  binary: string
}): Promise<CosmWasmDevnetNode> {
  const localnet = await startWasmdLocalnet({
    accounts: [DEVNET_COSMWASM_RELAYER, DEVNET_COSMWASM_OWNER, DEVNET_COSMWASM_USER],
    chainId,
    denom: DEVNET_COSMWASM_DENOM,
    blockTimeMs,
    binary,
  })
  try {
    // The owner deploys and connects; the user sends the demo's CosmWasm message.
    const { owner, user } = DEVNET_COSMWASM_HD_INDEX
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEVNET_COSMWASM_MNEMONIC, {
      prefix: DEVNET_COSMWASM_BECH32_PREFIX,
      hdPaths: [makeCosmoshubPath(owner), makeCosmoshubPath(user)],
    })
    const client = await SigningCosmWasmClient.connectWithSigner(localnet.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(GAS_PRICE),
      // cosmjs looks for a broadcast transaction every 3 s by default: six blocks here.
      broadcastPollIntervalMs: 100,
    })
    return {
      location: { type: 'wasmd', rpcUrl: localnet.rpcUrl, gasPrice: GAS_PRICE },
      deployer: deployerFromSigningClient(client, DEVNET_COSMWASM_OWNER, { fee: 1.5 }),
      stop: async () => {
        client.disconnect()
        await localnet.stop()
      },
    }
  } catch (error) {
    await localnet.stop()
    throw error
  }
}
