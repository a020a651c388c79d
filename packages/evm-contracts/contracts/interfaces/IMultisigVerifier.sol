// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IVerifier} from "./IVerifier.sol";

/**
 * @title IMultisigVerifier
 * @notice Events and errors of the multisig verifier (PROTOCOL.md §5, §6).
 */
interface IMultisigVerifier is IVerifier {
    // ---------------------------------------------------------------- events

    /// @notice An origin's configuration was set (replacing any previous one).
    /// @param origin The origin domain.
    /// @param originEndpoint The endpoint on the origin whose tree validators sign.
    /// @param validators The validators, ascending.
    /// @param threshold Signatures required.
    /// @param version The new configuration version.
    event OriginSet(
        uint32 indexed origin,
        bytes32 originEndpoint,
        address[] validators,
        uint8 threshold,
        uint32 version
    );

    /// @notice An origin's threshold was changed.
    /// @param origin The origin domain.
    /// @param threshold Signatures required.
    /// @param version The new configuration version.
    event ThresholdSet(uint32 indexed origin, uint8 threshold, uint32 version);

    /// @notice An origin was removed: its messages no longer verify.
    /// @param origin The origin domain.
    event OriginRemoved(uint32 indexed origin);

    // ---------------------------------------------------------------- errors

    /// @notice The proof is not `12 + 32 × (32 − popcount(zeroMask)) + 65k` bytes long: shorter
    /// than its 12-byte header or than the siblings its mask implies, or a partial signature.
    /// @param length The proof length.
    error MultisigVerifierMalformedProof(uint256 length);

    /// @notice The message is shorter than its header.
    /// @param length The message length.
    error MultisigVerifierMalformedMessage(uint256 length);

    /// @notice The leaf is after the checkpoint, which therefore cannot contain it.
    /// @param leafIndex The proof's leaf index.
    /// @param checkpointIndex The proof's checkpoint index.
    error MultisigVerifierLeafIndexTooHigh(uint32 leafIndex, uint32 checkpointIndex);

    /// @notice No configuration exists for the message's origin.
    /// @param origin The origin domain.
    error MultisigVerifierUnknownOrigin(uint32 origin);

    /// @notice Fewer signatures than the threshold (0 means an unremembered checkpoint).
    /// @param signatures The number of signatures.
    /// @param threshold The threshold.
    error MultisigVerifierThresholdNotMet(uint256 signatures, uint256 threshold);

    /// @notice A recovered signer is not a validator of the origin.
    /// @param signer The signer.
    error MultisigVerifierSignerNotValidator(address signer);

    /// @notice Signers are not strictly ascending (a repeat included).
    /// @param previous The previous signer.
    /// @param signer The signer that is not above it.
    error MultisigVerifierSignersNotAscending(address previous, address signer);

    /// @notice A signature with `s` in the upper half of the curve order (malleable).
    /// @param s The `s` value.
    error MultisigVerifierHighS(bytes32 s);

    /// @notice A signature with `v` other than 27 or 28.
    /// @param v The `v` value.
    error MultisigVerifierInvalidV(uint8 v);

    /// @notice A signature from which no signer can be recovered.
    /// @param index The signature's position in the proof.
    error MultisigVerifierInvalidSignature(uint256 index);

    /// @notice A threshold outside `[1, size]`.
    /// @param threshold The threshold.
    /// @param size The validator set size.
    error MultisigVerifierInvalidThreshold(uint8 threshold, uint256 size);

    /// @notice A validator list that is not strictly ascending (or starts with zero).
    /// @param previous The previous validator (zero for the first).
    /// @param validator The validator that is not above it.
    error MultisigVerifierValidatorsNotAscending(address previous, address validator);

    /// @notice A validator set larger than {MAX_VALIDATORS}.
    /// @param size The set size.
    /// @param max The largest size allowed.
    error MultisigVerifierTooManyValidators(uint256 size, uint256 max);

    /// @notice A zero origin endpoint.
    /// @param origin The origin domain.
    error MultisigVerifierZeroOriginEndpoint(uint32 origin);
}
