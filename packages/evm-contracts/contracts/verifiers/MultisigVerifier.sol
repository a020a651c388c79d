// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IMultisigVerifier} from "../interfaces/IMultisigVerifier.sol";
import {IVerifier} from "../interfaces/IVerifier.sol";
import {CheckpointLib} from "../libs/CheckpointLib.sol";
import {MerkleBranch} from "../libs/MerkleBranch.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {ProofCodec} from "../libs/ProofCodec.sol";
import {ValidatorSetStore} from "./ValidatorSetStore.sol";

/**
 * @title MultisigVerifier
 * @notice Verifies a message by a threshold of validator signatures on a checkpoint of its
 * origin endpoint's merkle tree (PROTOCOL.md §5, §6).
 *
 * Proof (compact, see {ProofCodec}): `checkpointIndex u32 | leafIndex u32 | zeroMask u32 |
 * siblings (32 − popcount(zeroMask)) × b32 | k × (r | s | v)`. The verifier requires
 * `leafIndex ≤ checkpointIndex`, computes the root from the message id, `leafIndex` and the
 * branch (the zero hash `Z[h]` at every level whose mask bit is set), and recovers each signer of
 * the EIP-191 hash of the checkpoint digest; signers must be validators of the origin, strictly
 * ascending (so none repeats), at least `threshold`. A proof whose length does not match its
 * mask (a partial signature, too few siblings) is a length error, `MultisigVerifierMalformedProof`.
 *
 * Gas: each origin's hot configuration is one packed slot: the address of a data contract
 * (SSTORE2-style) holding `domainHash | validators sorted ascending`, the threshold, the set
 * size and a config version. A proof costs one SLOAD, one EXTCODECOPY and a merge walk of the
 * ascending signers against the sorted set. A checkpoint whose signatures were checked is
 * remembered in transient storage, keyed by its digest and the packed configuration word (which
 * changes with every configuration change); a later proof for the same checkpoint in the same
 * transaction may carry no signatures, so a batch pays for them once.
 */
contract MultisigVerifier is IMultisigVerifier, Ownable2Step {
    using MessageCodec for bytes;
    using ProofCodec for bytes;

    /// @notice Largest validator set of an origin.
    uint256 public constant MAX_VALIDATORS = 255;
    /// @dev secp256k1n / 2: larger `s` values are the malleable twins of low ones.
    uint256 private constant _HALF_ORDER =
        0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    // Layout of a packed configuration word.
    uint256 private constant _THRESHOLD_SHIFT = 160;
    uint256 private constant _SIZE_SHIFT = 168;
    uint256 private constant _VERSION_SHIFT = 176;

    mapping(uint32 origin => uint256 config) private _configs;
    mapping(uint32 origin => bytes32) private _originEndpoints;
    /// @dev Bumped on every configuration change, of any origin.
    uint32 private _version;

    /// @param owner_ The owner, who configures origins.
    constructor(address owner_) Ownable(owner_) {}

    // ---------------------------------------------------------------- verification

    /// @inheritdoc IVerifier
    function verify(bytes calldata message, bytes calldata proof) external returns (bool) {
        (uint256 signaturesOffset, uint256 signatures) = _checkShape(proof);
        uint256 config = _configOf(message);
        uint256 threshold = _thresholdOf(config);

        // The checkpoint the proof claims: root from the branch, digest under the origin.
        (bytes32 domainHash, uint256 validators) = ValidatorSetStore.read(
            address(uint160(config)),
            signatures == 0 ? 0 : _sizeOf(config)
        );
        bytes32 digest = _digestOf(message, proof, signaturesOffset, domainHash);
        bytes32 cacheKey = _cacheKey(digest, config);

        // A checkpoint checked earlier in this transaction, or signatures.
        if (signatures == 0) {
            if (!_isRemembered(cacheKey)) revert MultisigVerifierThresholdNotMet(0, threshold);
            return true;
        }
        if (signatures < threshold) revert MultisigVerifierThresholdNotMet(signatures, threshold);
        _checkSignatures(
            CheckpointLib.ethSignedHash(digest),
            proof,
            signaturesOffset,
            signatures,
            validators,
            _sizeOf(config)
        );
        _remember(cacheKey);
        return true;
    }

    // ---------------------------------------------------------------- configuration

    /**
     * @notice Sets (or replaces) the configuration of `origin`. Only the owner.
     * @param origin The origin domain.
     * @param originEndpoint The endpoint on the origin, as bytes32 (part of the signed domain).
     * @param validators The validators, strictly ascending, at most {MAX_VALIDATORS}.
     * @param threshold Signatures required, in `[1, validators.length]`.
     */
    function setOrigin(
        uint32 origin,
        bytes32 originEndpoint,
        address[] calldata validators,
        uint8 threshold
    ) external onlyOwner {
        uint256 size = validators.length;
        if (size > MAX_VALIDATORS) revert MultisigVerifierTooManyValidators(size, MAX_VALIDATORS);
        if (threshold == 0 || threshold > size)
            revert MultisigVerifierInvalidThreshold(threshold, size);
        if (originEndpoint == bytes32(0)) revert MultisigVerifierZeroOriginEndpoint(origin);
        address previous;
        for (uint256 i; i < size;) {
            address validator = validators[i];
            if (validator <= previous) {
                revert MultisigVerifierValidatorsNotAscending(previous, validator);
            }
            previous = validator;
            // Safe: i < size.
            unchecked {
                ++i;
            }
        }
        address pointer = ValidatorSetStore.write(
            CheckpointLib.domainHash(origin, originEndpoint),
            validators
        );
        uint32 version = _nextVersion();
        _configs[origin] = _pack(pointer, threshold, size, version);
        _originEndpoints[origin] = originEndpoint;
        emit OriginSet(origin, originEndpoint, validators, threshold, version);
    }

    /**
     * @notice Changes the threshold of a configured origin. Only the owner.
     * @param origin The origin domain.
     * @param threshold Signatures required, in `[1, set size]`.
     */
    function setThreshold(uint32 origin, uint8 threshold) external onlyOwner {
        uint256 config = _configs[origin];
        if (config == 0) revert MultisigVerifierUnknownOrigin(origin);
        uint256 size = _sizeOf(config);
        if (threshold == 0 || threshold > size)
            revert MultisigVerifierInvalidThreshold(threshold, size);
        uint32 version = _nextVersion();
        _configs[origin] = _pack(address(uint160(config)), threshold, size, version);
        emit ThresholdSet(origin, threshold, version);
    }

    /**
     * @notice Removes the configuration of `origin`. Only the owner.
     * @param origin The origin domain.
     */
    function removeOrigin(uint32 origin) external onlyOwner {
        if (_configs[origin] == 0) revert MultisigVerifierUnknownOrigin(origin);
        delete _configs[origin];
        delete _originEndpoints[origin];
        _nextVersion();
        emit OriginRemoved(origin);
    }

    // ---------------------------------------------------------------- views

    /**
     * @notice The configuration of `origin` (all zero when none).
     * @param origin The origin domain.
     * @return originEndpoint The endpoint on the origin.
     * @return validators The validators, ascending.
     * @return threshold Signatures required.
     * @return version The configuration version.
     */
    function originConfig(
        uint32 origin
    )
        external
        view
        returns (
            bytes32 originEndpoint,
            address[] memory validators,
            uint8 threshold,
            uint32 version
        )
    {
        uint256 config = _configs[origin];
        if (config == 0) return (bytes32(0), validators, 0, 0);
        originEndpoint = _originEndpoints[origin];
        validators = ValidatorSetStore.readAll(address(uint160(config)), _sizeOf(config));
        // Safe casts: packed from a uint8 and a uint32.
        threshold = uint8(_thresholdOf(config));
        version = uint32(config >> _VERSION_SHIFT);
    }

    /**
     * @notice The digest validators sign (before EIP-191) for a checkpoint of `origin`.
     * @param origin A configured origin domain.
     * @param root The tree root.
     * @param index The index of the checkpoint's last leaf.
     */
    function checkpointDigest(
        uint32 origin,
        bytes32 root,
        uint32 index
    ) external view returns (bytes32) {
        bytes32 originEndpoint = _originEndpoints[origin];
        if (originEndpoint == bytes32(0)) revert MultisigVerifierUnknownOrigin(origin);
        return CheckpointLib.digest(CheckpointLib.domainHash(origin, originEndpoint), root, index);
    }

    // ---------------------------------------------------------------- internal

    /**
     * @dev Checks the proof's shape: a header, the siblings its mask implies, whole signatures,
     * and `leafIndex ≤ checkpointIndex`.
     * @return signaturesOffset Where its signatures start.
     * @return signatures How many it has.
     */
    function _checkShape(
        bytes calldata proof
    ) private pure returns (uint256 signaturesOffset, uint256 signatures) {
        if (proof.length < ProofCodec.SIBLINGS_OFFSET) {
            revert MultisigVerifierMalformedProof(proof.length);
        }
        (uint32 checkpointIndex, uint32 leafIndex, uint32 zeroMask) = proof.header();
        signaturesOffset = ProofCodec.signaturesOffset(zeroMask);
        bool wellFormed;
        (wellFormed, signatures) = proof.signatureCount(signaturesOffset);
        if (!wellFormed) revert MultisigVerifierMalformedProof(proof.length);
        if (leafIndex > checkpointIndex) {
            revert MultisigVerifierLeafIndexTooHigh(leafIndex, checkpointIndex);
        }
    }

    /// @dev The digest of the checkpoint `(origin, originEndpoint, root, checkpointIndex)`, the
    /// root being the one the compact branch yields for the message id at `leafIndex`.
    function _digestOf(
        bytes calldata message,
        bytes calldata proof,
        uint256 signaturesOffset,
        bytes32 domainHash
    ) private pure returns (bytes32) {
        (uint32 checkpointIndex, uint32 leafIndex, uint32 zeroMask) = proof.header();
        bytes32 root = MerkleBranch.branchRoot(
            message.id(),
            proof.siblings(signaturesOffset),
            leafIndex,
            zeroMask
        );
        return CheckpointLib.digest(domainHash, root, checkpointIndex);
    }

    /// @dev The packed configuration of the message's origin; rejects a short message.
    function _configOf(bytes calldata message) private view returns (uint256 config) {
        if (message.length < MessageCodec.BODY_OFFSET) {
            revert MultisigVerifierMalformedMessage(message.length);
        }
        uint32 origin = message.origin();
        config = _configs[origin];
        if (config == 0) revert MultisigVerifierUnknownOrigin(origin);
    }

    /**
     * @dev Recovers every signature and merge-walks the ascending signers against the sorted
     * validators (in memory at `validators`, 20 bytes each): each signer must be found at or
     * after the position after the previous one.
     */
    function _checkSignatures(
        bytes32 hash,
        bytes calldata proof,
        uint256 signaturesOffset,
        uint256 count,
        uint256 validators,
        uint256 size
    ) private view {
        address previous;
        uint256 cursor;
        for (uint256 i; i < count;) {
            (bytes32 r, bytes32 s, uint8 v) = proof.signatureAt(signaturesOffset, i);
            if (v != 27 && v != 28) revert MultisigVerifierInvalidV(v);
            if (uint256(s) > _HALF_ORDER) revert MultisigVerifierHighS(s);
            address signer = _recover(hash, v, r, s);
            if (signer == address(0)) revert MultisigVerifierInvalidSignature(i);
            if (signer <= previous) revert MultisigVerifierSignersNotAscending(previous, signer);
            // Safe: cursor < size ≤ 255 inside the loop; the memory reads stay in the set.
            unchecked {
                while (cursor < size && ValidatorSetStore.at(validators, cursor) < signer) {
                    ++cursor;
                }
                if (cursor == size || ValidatorSetStore.at(validators, cursor) != signer) {
                    revert MultisigVerifierSignerNotValidator(signer);
                }
                ++cursor;
                ++i;
            }
            previous = signer;
        }
    }

    /// @dev The ecrecover precompile; zero when no signer is recovered.
    function _recover(
        bytes32 hash,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) private view returns (address signer) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, hash)
            mstore(add(ptr, 0x20), v)
            mstore(add(ptr, 0x40), r)
            mstore(add(ptr, 0x60), s)
            // On failure the precompile returns nothing; the output word is then left zero.
            mstore(0x00, 0)
            let ok := staticcall(gas(), 0x01, ptr, 0x80, 0x00, 0x20)
            signer := mul(mload(0x00), and(ok, eq(returndatasize(), 0x20)))
        }
    }

    function _cacheKey(bytes32 digest, uint256 config) private pure returns (bytes32 key) {
        assembly ("memory-safe") {
            mstore(0x00, digest)
            mstore(0x20, config)
            key := keccak256(0x00, 0x40)
        }
    }

    function _isRemembered(bytes32 key) private view returns (bool remembered) {
        assembly ("memory-safe") {
            remembered := tload(key)
        }
    }

    function _remember(bytes32 key) private {
        assembly ("memory-safe") {
            tstore(key, 1)
        }
    }

    function _nextVersion() private returns (uint32 version) {
        version = _version + 1;
        _version = version;
    }

    function _pack(
        address pointer,
        uint256 threshold,
        uint256 size,
        uint32 version
    ) private pure returns (uint256) {
        return
            uint256(uint160(pointer)) |
            (threshold << _THRESHOLD_SHIFT) |
            (size << _SIZE_SHIFT) |
            (uint256(version) << _VERSION_SHIFT);
    }

    function _thresholdOf(uint256 config) private pure returns (uint256) {
        return (config >> _THRESHOLD_SHIFT) & 0xff;
    }

    function _sizeOf(uint256 config) private pure returns (uint256) {
        return (config >> _SIZE_SHIFT) & 0xff;
    }
}
