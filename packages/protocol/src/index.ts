// Entry point of `@ferry/protocol`: the Ferry wire format (spec/PROTOCOL.md), pure and
// synchronous apart from signature recovery, and the errors every Ferry package builds on.
// Nothing here performs I/O or imports a `node:` module, so it runs in browsers as well.

export {
  type AddressToBytes32ErrorType,
  type AddressToBytes32Parameters,
  type AddressToBytes32ReturnType,
  addressToBytes32,
} from './address/addressToBytes32.js'
export {
  type Bech32ToBytes32ErrorType,
  type Bech32ToBytes32Parameters,
  type Bech32ToBytes32ReturnType,
  bech32ToBytes32,
} from './address/bech32ToBytes32.js'
export {
  type Bytes32ToBech32ErrorType,
  type Bytes32ToBech32Parameters,
  type Bytes32ToBech32ReturnType,
  bytes32ToBech32,
} from './address/bytes32ToBech32.js'
export {
  type Bytes32ToEvmAddressErrorType,
  type Bytes32ToEvmAddressParameters,
  type Bytes32ToEvmAddressReturnType,
  bytes32ToEvmAddress,
} from './address/bytes32ToEvmAddress.js'
export {
  type EvmAddressToBytes32ErrorType,
  type EvmAddressToBytes32Parameters,
  type EvmAddressToBytes32ReturnType,
  evmAddressToBytes32,
} from './address/evmAddressToBytes32.js'
export {
  type GetCheckpointDigestErrorType,
  type GetCheckpointDigestParameters,
  type GetCheckpointDigestReturnType,
  getCheckpointDigest,
} from './checkpoint/getCheckpointDigest.js'
export {
  type GetCheckpointDomainHashErrorType,
  type GetCheckpointDomainHashParameters,
  type GetCheckpointDomainHashReturnType,
  getCheckpointDomainHash,
} from './checkpoint/getCheckpointDomainHash.js'
export {
  parseSignedCheckpoint,
  type SignedCheckpoint,
} from './checkpoint/parseSignedCheckpoint.js'
export {
  type RecoverCheckpointSignerErrorType,
  type RecoverCheckpointSignerParameters,
  type RecoverCheckpointSignerReturnType,
  recoverCheckpointSigner,
} from './checkpoint/recoverCheckpointSigner.js'
export {
  type RecoverDigestSignerErrorType,
  type RecoverDigestSignerParameters,
  type RecoverDigestSignerReturnType,
  recoverDigestSigner,
} from './checkpoint/recoverDigestSigner.js'
export {
  type SignCheckpointErrorType,
  type SignCheckpointParameters,
  type SignCheckpointReturnType,
  signCheckpoint,
} from './checkpoint/signCheckpoint.js'
export type { Checkpoint } from './checkpoint/types.js'
export {
  ACK_BODY_HEADER_LENGTH,
  MAX_BODY_LENGTH,
  MAX_RESULT_LENGTH,
  MERKLE_TREE_DEPTH,
  MESSAGE_HEADER_LENGTH,
  MessageFlags,
  MessageStatus,
  PROOF_HEADER_LENGTH,
  PROTOCOL_VERSION,
  SIGNATURE_LENGTH,
} from './constants.js'
export { AckBodyTooShortError, ResultTooLargeError, UnknownStatusError } from './errors/ack.js'
export { InvalidAddressError, InvalidBech32Error } from './errors/address.js'
export { BaseError, type BaseErrorParameters, type BaseErrorType } from './errors/base.js'
export { FieldOutOfRangeError, InvalidBytes32Error, InvalidHexError } from './errors/encoding.js'
export { HtlcPreimageLengthError } from './errors/htlc.js'
export { InvalidInteropAddressError } from './errors/interop.js'
export {
  BranchLengthError,
  LeafIndexOutOfRangeError,
  MerkleCountOutOfRangeError,
  MerkleTreeFullError,
} from './errors/merkle.js'
export {
  AckRequestedOnAckError,
  AckRequestMismatchError,
  BodyTooLargeError,
  MessageTooShortError,
  UnknownFlagsError,
  UnsupportedVersionError,
} from './errors/message.js'
export {
  InvalidThresholdError,
  LeafIndexAfterCheckpointError,
  ProofLengthError,
  SignerNotValidatorError,
  SignersNotAscendingError,
  ThresholdNotMetError,
} from './errors/proof.js'
export {
  InvalidRemoteResultsError,
  RemoteCallBodyTooShortError,
  UnknownRemoteCallFormatError,
} from './errors/remoteCall.js'
export {
  SignatureLengthError,
  SignatureMalleableError,
  SignatureRecoveryError,
  SignatureVError,
} from './errors/signature.js'
export {
  TokenTransferBodyLengthError,
  TokenTransferVersionError,
  TransferAmountTooLargeError,
  TransferAmountZeroError,
  TransferDecimalsError,
} from './errors/tokenTransfer.js'
export {
  type DeliveryVerdict,
  describeDeliveryVerdict,
} from './failure/deliveryVerdict.js'
export {
  type FailureReason,
  type FailureReasonInfo,
  failureReasons,
} from './failure/failureReasons.js'
export { getL1DataFee, type L1FeeConfig } from './fees/getL1DataFee.js'
// Interchain-account messages (spec/apps/interchain-accounts.md)
export {
  HTLC_CLAIM_BODY_LENGTH,
  HTLC_CLAIM_VERSION,
  HTLC_PREIMAGE_LENGTH,
  HtlcClaimOutcome,
} from './htlc/constants.js'
export {
  type EncodeHtlcClaimBodyErrorType,
  type EncodeHtlcClaimBodyParameters,
  type EncodeHtlcClaimBodyReturnType,
  encodeHtlcClaimBody,
} from './htlc/encodeHtlcClaimBody.js'
export {
  type GetHtlcHashlockErrorType,
  type GetHtlcHashlockParameters,
  type GetHtlcHashlockReturnType,
  getHtlcHashlock,
} from './htlc/getHtlcHashlock.js'
export {
  type GetHtlcLockIdErrorType,
  type GetHtlcLockIdParameters,
  type GetHtlcLockIdReturnType,
  getHtlcLockId,
} from './htlc/getHtlcLockId.js'
// ERC-7930 interoperable addresses (spec/apps/erc7786-gateway.md §3)
export { cosmWasmChainInterop, evmChainInterop } from './interop/chainInterop.js'
export { INTEROP_ADDRESS_VERSION, INTEROP_CHAIN_TYPES } from './interop/constants.js'
export {
  type DecodeInteropAddressErrorType,
  type DecodeInteropAddressParameters,
  type DecodeInteropAddressReturnType,
  decodeInteropAddress,
} from './interop/decodeInteropAddress.js'
export {
  type EncodeInteropAddressErrorType,
  type EncodeInteropAddressParameters,
  type EncodeInteropAddressReturnType,
  encodeInteropAddress,
} from './interop/encodeInteropAddress.js'
export type { InteropAddress } from './interop/types.js'
export {
  type BranchRootErrorType,
  type BranchRootParameters,
  type BranchRootReturnType,
  branchRoot,
} from './merkle/branchRoot.js'
export {
  IncrementalMerkleTree,
  type IncrementalMerkleTreeErrorType,
  type IncrementalMerkleTreeState,
} from './merkle/incrementalMerkleTree.js'
export { type MerkleProof, MerkleTree, type MerkleTreeErrorType } from './merkle/merkleTree.js'
export { ZERO_HASHES } from './merkle/zeroHashes.js'
export {
  type DecodeAckBodyErrorType,
  type DecodeAckBodyParameters,
  type DecodeAckBodyReturnType,
  decodeAckBody,
} from './message/decodeAckBody.js'
export {
  type DecodeMessageErrorType,
  type DecodeMessageParameters,
  type DecodeMessageReturnType,
  decodeMessage,
} from './message/decodeMessage.js'
export {
  type EncodeAckBodyErrorType,
  type EncodeAckBodyParameters,
  type EncodeAckBodyReturnType,
  encodeAckBody,
} from './message/encodeAckBody.js'
export {
  type EncodeMessageErrorType,
  type EncodeMessageParameters,
  type EncodeMessageReturnType,
  encodeMessage,
} from './message/encodeMessage.js'
export {
  type GetChannelKeyErrorType,
  type GetChannelKeyParameters,
  type GetChannelKeyReturnType,
  getChannelKey,
} from './message/getChannelKey.js'
export {
  type GetMessageIdErrorType,
  type GetMessageIdParameters,
  type GetMessageIdReturnType,
  getMessageId,
} from './message/getMessageId.js'
export type { Message } from './message/types.js'
export {
  type DecodeProofErrorType,
  type DecodeProofParameters,
  type DecodeProofReturnType,
  decodeProof,
} from './proof/decodeProof.js'
export {
  type EncodeBatchProofsErrorType,
  type EncodeBatchProofsParameters,
  type EncodeBatchProofsReturnType,
  encodeBatchProofs,
} from './proof/encodeBatchProofs.js'
export {
  type EncodeProofErrorType,
  type EncodeProofParameters,
  type EncodeProofReturnType,
  encodeProof,
} from './proof/encodeProof.js'
export {
  type SortSignaturesBySignerErrorType,
  type SortSignaturesBySignerParameters,
  type SortSignaturesBySignerReturnType,
  sortSignaturesBySigner,
} from './proof/sortSignaturesBySigner.js'
export type { Proof } from './proof/types.js'
export {
  type VerifyProofErrorType,
  type VerifyProofParameters,
  type VerifyProofReturnType,
  verifyProof,
} from './proof/verifyProof.js'
export {
  REMOTE_CALL_HEADER_LENGTH,
  REMOTE_CALL_KINDS,
  REMOTE_CALL_VERSION,
} from './remoteCall/constants.js'
export {
  type DecodeRemoteCallBodyErrorType,
  type DecodeRemoteCallBodyParameters,
  type DecodeRemoteCallBodyReturnType,
  decodeRemoteCallBody,
} from './remoteCall/decodeRemoteCallBody.js'
export {
  type EncodeRemoteCallBodyErrorType,
  type EncodeRemoteCallBodyParameters,
  type EncodeRemoteCallBodyReturnType,
  encodeRemoteCallBody,
} from './remoteCall/encodeRemoteCallBody.js'
export {
  decodeEvmRemoteCalls,
  type EncodeEvmRemoteCallsErrorType,
  encodeEvmRemoteCalls,
} from './remoteCall/evmRemoteCalls.js'
export { decodeRemoteResults, encodeRemoteResults } from './remoteCall/remoteResults.js'
export type { EvmRemoteCall, RemoteCallKind } from './remoteCall/types.js'
// Token transfers (spec/apps/token-bridge.md)
export {
  MAX_DECIMALS_GAP,
  MAX_TRANSFER_AMOUNT,
  TOKEN_TRANSFER_BODY_LENGTH,
  TOKEN_TRANSFER_VERSION,
} from './tokenTransfer/constants.js'
export {
  type DecodeTokenTransferBodyErrorType,
  type DecodeTokenTransferBodyParameters,
  type DecodeTokenTransferBodyReturnType,
  decodeTokenTransferBody,
} from './tokenTransfer/decodeTokenTransferBody.js'
export {
  type EncodeTokenTransferBodyErrorType,
  type EncodeTokenTransferBodyParameters,
  type EncodeTokenTransferBodyReturnType,
  encodeTokenTransferBody,
} from './tokenTransfer/encodeTokenTransferBody.js'
export {
  type ScaleTransferAmountErrorType,
  type ScaleTransferAmountParameters,
  type ScaleTransferAmountReturnType,
  scaleTransferAmount,
} from './tokenTransfer/scaleTransferAmount.js'
export type { TokenTransfer } from './tokenTransfer/types.js'
