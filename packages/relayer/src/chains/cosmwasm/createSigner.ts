import { fromHex } from '@cosmjs/encoding'
import {
  DirectSecp256k1HdWallet,
  DirectSecp256k1Wallet,
  type OfflineDirectSigner,
} from '@cosmjs/proto-signing'

const PRIVATE_KEY = /^(?:0x)?([0-9a-fA-F]{64})$/

/**
 * The relayer's signer from its secret: a 32-byte secp256k1 private key in hex (with or without
 * `0x`), or else a BIP-39 mnemonic (Cosmos HD path `m/44'/118'/0'/0/0`), with addresses under
 * `bech32Prefix`.
 *
 * @example
 * const signer = await createSigner(process.env.RELAYER_KEY, 'wasm')
 * const [{ address }] = await signer.getAccounts()
 */
export async function createSigner(
  secret: string,
  bech32Prefix: string,
): Promise<OfflineDirectSigner> {
  const key = PRIVATE_KEY.exec(secret.trim())?.[1]
  if (key !== undefined) return DirectSecp256k1Wallet.fromKey(fromHex(key), bech32Prefix)
  return DirectSecp256k1HdWallet.fromMnemonic(secret.trim(), { prefix: bech32Prefix })
}
