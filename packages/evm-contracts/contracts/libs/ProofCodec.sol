// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ProofCodec
 * @notice Reads a multisig proof (PROTOCOL.md §6), packed big-endian:
 * `checkpointIndex u32 | leafIndex u32 | branch 32 × b32 | signatures k × 65 bytes (r | s | v)`.
 * Readers assume the caller checked {isWellFormed}.
 */
library ProofCodec {
    uint256 internal constant CHECKPOINT_INDEX_OFFSET = 0;
    uint256 internal constant LEAF_INDEX_OFFSET = 4;
    uint256 internal constant BRANCH_OFFSET = 8;
    /// @notice Where signatures start (8 + 32 × 32); also the length of a proof without any.
    uint256 internal constant SIGNATURES_OFFSET = 1032;
    /// @notice Length of one signature, `r b32 | s b32 | v u8`.
    uint256 internal constant SIGNATURE_LENGTH = 65;

    /// @notice Whether `proof` has the header, a full branch and whole signatures.
    function isWellFormed(bytes calldata proof) internal pure returns (bool) {
        return
            proof.length >= SIGNATURES_OFFSET &&
            (proof.length - SIGNATURES_OFFSET) % SIGNATURE_LENGTH == 0;
    }

    function checkpointIndex(bytes calldata proof) internal pure returns (uint32) {
        return uint32(bytes4(proof[CHECKPOINT_INDEX_OFFSET:LEAF_INDEX_OFFSET]));
    }

    function leafIndex(bytes calldata proof) internal pure returns (uint32) {
        return uint32(bytes4(proof[LEAF_INDEX_OFFSET:BRANCH_OFFSET]));
    }

    function branch(bytes calldata proof) internal pure returns (bytes calldata) {
        return proof[BRANCH_OFFSET:SIGNATURES_OFFSET];
    }

    /// @notice Number of signatures in a well-formed proof.
    function signatureCount(bytes calldata proof) internal pure returns (uint256) {
        // Safe: a well-formed proof is at least SIGNATURES_OFFSET long.
        unchecked {
            return (proof.length - SIGNATURES_OFFSET) / SIGNATURE_LENGTH;
        }
    }

    /// @notice Signature `i` of a well-formed proof; `i < signatureCount(proof)`.
    function signatureAt(
        bytes calldata proof,
        uint256 i
    ) internal pure returns (bytes32 r, bytes32 s, uint8 v) {
        assembly ("memory-safe") {
            let ptr := add(add(proof.offset, SIGNATURES_OFFSET), mul(i, SIGNATURE_LENGTH))
            r := calldataload(ptr)
            s := calldataload(add(ptr, 0x20))
            v := byte(0, calldataload(add(ptr, 0x40)))
        }
    }
}
