import {
  ecdsaRecover,
  recoverPubkeyGas,
  type VMInstanceInternals,
  vmInstancePrototype,
} from './internals.js'

// cosmwasm-crypto's CryptoError codes, returned in the high half of the result.
const INVALID_HASH_FORMAT = 3n
const INVALID_SIGNATURE_FORMAT = 4n
const INVALID_RECOVERY_PARAM = 6n
const GENERIC = 10n

/**
 * Fix (c): `secp256k1_recover_pubkey` answers as cosmwasm-vm's does: a u64 with the public key's
 * region pointer in the low half on success, and on failure the CryptoError code in the high
 * half and 0 in the low half, which cosmwasm-std maps to `RecoverPubkeyError`; regions longer
 * than the VM reads trap; gas is charged once, before the recovery. The simulator returned an
 * error message's region with code 0, which a contract reads as a public key.
 */
export function recoverPubkeyAsCosmwasmVm(): void {
  vmInstancePrototype.secp256k1_recover_pubkey = function (
    this: VMInstanceInternals,
    hashPointer: number,
    signaturePointer: number,
    recoverParam: number,
  ): bigint {
    const hash = this.region(hashPointer)
    const signature = this.region(signaturePointer)
    if (hash.length > 32 || signature.length > 64)
      throw new Error('secp256k1_recover_pubkey: region length too big')
    if (recoverParam > 255) return INVALID_RECOVERY_PARAM << 32n
    this.env?.processGasInfo(recoverPubkeyGas())
    if (hash.length !== 32) return INVALID_HASH_FORMAT << 32n
    if (signature.length !== 64) return INVALID_SIGNATURE_FORMAT << 32n
    if (recoverParam > 1) return INVALID_RECOVERY_PARAM << 32n
    let publicKey: Uint8Array
    try {
      publicKey = ecdsaRecover(signature.data, recoverParam, hash.data, false)
    } catch {
      return GENERIC << 32n
    }
    return BigInt(this.allocate_bytes(publicKey).ptr)
  }
}
