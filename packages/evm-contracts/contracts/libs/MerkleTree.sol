// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title MerkleTree
 * @notice Incremental keccak256 merkle tree of depth 32 (PROTOCOL.md §5): zero leaf `0x00…00`,
 * `Z[i+1] = keccak256(Z[i] | Z[i])`, node = `keccak256(left | right)`. The same tree as the
 * Ethereum deposit contract and Hyperlane's `MerkleLib`: only the left frontier (`branch`) and
 * the leaf count are stored, so an insert writes one branch slot and the count. The root a
 * proof's branch leads to is {MerkleBranch}'s.
 */
library MerkleTree {
    /// @notice Depth of the tree.
    uint256 internal constant DEPTH = 32;
    /// @notice Leaves the tree holds; the deposit contract's bound, so indices fit a uint32.
    uint256 internal constant MAX_LEAVES = 2 ** DEPTH - 1;

    /// @notice The tree already holds {MAX_LEAVES} leaves.
    /// @param count The number of leaves.
    error MerkleTreeFull(uint256 count);

    /// @dev Left frontier and leaf count.
    struct Tree {
        bytes32[DEPTH] branch;
        uint256 count;
    }

    /**
     * @notice Appends `leaf`.
     * @return index The index of the new leaf (the count before the insert).
     */
    function insert(Tree storage tree, bytes32 leaf) internal returns (uint32 index) {
        uint256 count = tree.count;
        if (count >= MAX_LEAVES) revert MerkleTreeFull(count);
        uint256 size;
        // Safe: count < MAX_LEAVES < 2^32, so count + 1 fits and index fits a uint32.
        unchecked {
            size = count + 1;
            index = uint32(count);
        }
        tree.count = size;
        // Climb while the subtree at level i is full (bit i of size is 0), folding the stored
        // left sibling in; store the node at the first level whose bit is 1. size is in
        // [1, 2^32 - 1], so a set bit exists below bit 32 and i stays below DEPTH.
        uint256 i;
        bytes32 node = leaf;
        while (size & 1 == 0) {
            node = _hashPair(tree.branch[i], node);
            size >>= 1;
            // Safe: i < DEPTH (see above).
            unchecked {
                ++i;
            }
        }
        tree.branch[i] = node;
    }

    /// @notice The current root; the root of the empty tree is `Z[32]`.
    function root(Tree storage tree) internal view returns (bytes32 current) {
        uint256 count = tree.count;
        bytes32 zero;
        for (uint256 i; i < DEPTH;) {
            if ((count >> i) & 1 == 1) {
                current = _hashPair(tree.branch[i], current);
            } else {
                current = _hashPair(current, zero);
            }
            zero = _hashPair(zero, zero);
            // Safe: i < DEPTH.
            unchecked {
                ++i;
            }
        }
    }

    /// @dev `keccak256(left | right)` in scratch space.
    function _hashPair(bytes32 left, bytes32 right) private pure returns (bytes32 result) {
        assembly ("memory-safe") {
            mstore(0x00, left)
            mstore(0x20, right)
            result := keccak256(0x00, 0x40)
        }
    }
}
