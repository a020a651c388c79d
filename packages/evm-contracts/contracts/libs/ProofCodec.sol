// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ProofCodec
 * @notice Reads a multisig proof (PROTOCOL.md §6), packed big-endian:
 * `checkpointIndex u32 | leafIndex u32 | zeroMask u32 | siblings | signatures k × 65 bytes`.
 * `siblings` is the merkle branch from level 0 upwards without the levels whose `zeroMask` bit
 * is set (bit 0 least significant): those siblings are the zero hashes `Z[h]`, so a proof holds
 * `32 − popcount(zeroMask)` siblings of 32 bytes. A signature is `r b32 | s b32 | v u8`.
 * Every reader but {header} assumes the caller checked {signatureCount}'s `wellFormed`.
 */
library ProofCodec {
    uint256 internal constant CHECKPOINT_INDEX_OFFSET = 0;
    uint256 internal constant LEAF_INDEX_OFFSET = 4;
    uint256 internal constant ZERO_MASK_OFFSET = 8;
    /// @notice Where the siblings start; also the length of the fixed header.
    uint256 internal constant SIBLINGS_OFFSET = 12;
    /// @notice Levels of the branch (the tree's depth).
    uint256 internal constant BRANCH_LEVELS = 32;
    /// @notice Length of one sibling.
    uint256 internal constant SIBLING_LENGTH = 32;
    /// @notice Length of one signature, `r b32 | s b32 | v u8`.
    uint256 internal constant SIGNATURE_LENGTH = 65;

    /**
     * @notice The three header fields, from one calldata word; `proof` must hold at least
     * {SIBLINGS_OFFSET} bytes.
     */
    function header(
        bytes calldata proof
    ) internal pure returns (uint32 checkpointIndex, uint32 leafIndex, uint32 zeroMask) {
        uint256 word;
        assembly ("memory-safe") {
            word := calldataload(add(proof.offset, CHECKPOINT_INDEX_OFFSET))
        }
        // Safe casts: each keeps the 4 bytes of its field.
        checkpointIndex = uint32(word >> (256 - 8 * LEAF_INDEX_OFFSET));
        leafIndex = uint32(word >> (256 - 8 * ZERO_MASK_OFFSET));
        zeroMask = uint32(word >> (256 - 8 * SIBLINGS_OFFSET));
    }

    /**
     * @notice Where the signatures of a proof with `zeroMask` start:
     * `12 + 32 × (32 − popcount(zeroMask))`.
     */
    function signaturesOffset(uint32 zeroMask) internal pure returns (uint256) {
        // Safe: popcount ≤ 32, so the subtraction does not wrap and the result is at most 1,036.
        unchecked {
            return SIBLINGS_OFFSET + SIBLING_LENGTH * (BRANCH_LEVELS - _popcount(zeroMask));
        }
    }

    /**
     * @notice Whether `proof` (whose header says where its signatures start) is well formed — a
     * header, every sibling its mask implies and whole signatures — and how many signatures it has.
     * @param proof The proof.
     * @param offset Its {signaturesOffset}.
     * @return wellFormed False for a proof shorter than its header and siblings, or whose
     * remainder is not a whole number of signatures.
     * @return count The number of signatures (0 when not well formed).
     */
    function signatureCount(
        bytes calldata proof,
        uint256 offset
    ) internal pure returns (bool wellFormed, uint256 count) {
        uint256 length = proof.length;
        if (length < offset) return (false, 0);
        // Safe: length >= offset.
        unchecked {
            uint256 remainder = length - offset;
            count = remainder / SIGNATURE_LENGTH;
            wellFormed = count * SIGNATURE_LENGTH == remainder;
        }
        if (!wellFormed) count = 0;
    }

    /// @notice The siblings of a well-formed proof whose signatures start at `offset`.
    function siblings(bytes calldata proof, uint256 offset) internal pure returns (bytes calldata) {
        return proof[SIBLINGS_OFFSET:offset];
    }

    /**
     * @notice Signature `i` of a well-formed proof whose signatures start at `offset`;
     * `i` below its signature count.
     */
    function signatureAt(
        bytes calldata proof,
        uint256 offset,
        uint256 i
    ) internal pure returns (bytes32 r, bytes32 s, uint8 v) {
        assembly ("memory-safe") {
            let ptr := add(add(proof.offset, offset), mul(i, SIGNATURE_LENGTH))
            r := calldataload(ptr)
            s := calldataload(add(ptr, 0x20))
            v := byte(0, calldataload(add(ptr, 0x40)))
        }
    }

    /// @dev Set bits of a 32-bit word (SWAR: pair, nibble and byte sums, then one multiply).
    function _popcount(uint32 word) private pure returns (uint256 bits) {
        assembly ("memory-safe") {
            let x := sub(word, and(shr(1, word), 0x55555555))
            x := add(and(x, 0x33333333), and(shr(2, x), 0x33333333))
            x := and(add(x, shr(4, x)), 0x0f0f0f0f)
            bits := and(shr(24, mul(x, 0x01010101)), 0xff)
        }
    }
}
