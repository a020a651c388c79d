// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title MerkleTree
 * @notice Incremental keccak256 merkle tree of depth 32 (PROTOCOL.md §5): zero leaf `0x00…00`,
 * `Z[i+1] = keccak256(Z[i] | Z[i])`, node = `keccak256(left | right)`. The same tree as the
 * Ethereum deposit contract and Hyperlane's `MerkleLib`: only the left frontier (`branch`) and
 * the leaf count are stored, so an insert writes one branch slot and the count.
 */
library MerkleTree {
    /// @notice Depth of the tree.
    uint256 internal constant DEPTH = 32;
    /// @notice Leaves the tree holds; the deposit contract's bound, so indices fit a uint32.
    uint256 internal constant MAX_LEAVES = 2 ** DEPTH - 1;

    // Zero hashes Z[1..31] (Z[0] is zero), roots of empty subtrees: the siblings a compact
    // branch leaves out. {branchRoot} puts them in a table in memory.
    bytes32 private constant Z1 =
        0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5;
    bytes32 private constant Z2 =
        0xb4c11951957c6f8f642c4af61cd6b24640fec6dc7fc607ee8206a99e92410d30;
    bytes32 private constant Z3 =
        0x21ddb9a356815c3fac1026b6dec5df3124afbadb485c9ba5a3e3398a04b7ba85;
    bytes32 private constant Z4 =
        0xe58769b32a1beaf1ea27375a44095a0d1fb664ce2dd358e7fcbfb78c26a19344;
    bytes32 private constant Z5 =
        0x0eb01ebfc9ed27500cd4dfc979272d1f0913cc9f66540d7e8005811109e1cf2d;
    bytes32 private constant Z6 =
        0x887c22bd8750d34016ac3c66b5ff102dacdd73f6b014e710b51e8022af9a1968;
    bytes32 private constant Z7 =
        0xffd70157e48063fc33c97a050f7f640233bf646cc98d9524c6b92bcf3ab56f83;
    bytes32 private constant Z8 =
        0x9867cc5f7f196b93bae1e27e6320742445d290f2263827498b54fec539f756af;
    bytes32 private constant Z9 =
        0xcefad4e508c098b9a7e1d8feb19955fb02ba9675585078710969d3440f5054e0;
    bytes32 private constant Z10 =
        0xf9dc3e7fe016e050eff260334f18a5d4fe391d82092319f5964f2e2eb7c1c3a5;
    bytes32 private constant Z11 =
        0xf8b13a49e282f609c317a833fb8d976d11517c571d1221a265d25af778ecf892;
    bytes32 private constant Z12 =
        0x3490c6ceeb450aecdc82e28293031d10c7d73bf85e57bf041a97360aa2c5d99c;
    bytes32 private constant Z13 =
        0xc1df82d9c4b87413eae2ef048f94b4d3554cea73d92b0f7af96e0271c691e2bb;
    bytes32 private constant Z14 =
        0x5c67add7c6caf302256adedf7ab114da0acfe870d449a3a489f781d659e8becc;
    bytes32 private constant Z15 =
        0xda7bce9f4e8618b6bd2f4132ce798cdc7a60e7e1460a7299e3c6342a579626d2;
    bytes32 private constant Z16 =
        0x2733e50f526ec2fa19a22b31e8ed50f23cd1fdf94c9154ed3a7609a2f1ff981f;
    bytes32 private constant Z17 =
        0xe1d3b5c807b281e4683cc6d6315cf95b9ade8641defcb32372f1c126e398ef7a;
    bytes32 private constant Z18 =
        0x5a2dce0a8a7f68bb74560f8f71837c2c2ebbcbf7fffb42ae1896f13f7c7479a0;
    bytes32 private constant Z19 =
        0xb46a28b6f55540f89444f63de0378e3d121be09e06cc9ded1c20e65876d36aa0;
    bytes32 private constant Z20 =
        0xc65e9645644786b620e2dd2ad648ddfcbf4a7e5b1a3a4ecfe7f64667a3f0b7e2;
    bytes32 private constant Z21 =
        0xf4418588ed35a2458cffeb39b93d26f18d2ab13bdce6aee58e7b99359ec2dfd9;
    bytes32 private constant Z22 =
        0x5a9c16dc00d6ef18b7933a6f8dc65ccb55667138776f7dea101070dc8796e377;
    bytes32 private constant Z23 =
        0x4df84f40ae0c8229d0d6069e5c8f39a7c299677a09d367fc7b05e3bc380ee652;
    bytes32 private constant Z24 =
        0xcdc72595f74c7b1043d0e1ffbab734648c838dfb0527d971b602bc216c9619ef;
    bytes32 private constant Z25 =
        0x0abf5ac974a1ed57f4050aa510dd9c74f508277b39d7973bb2dfccc5eeb0618d;
    bytes32 private constant Z26 =
        0xb8cd74046ff337f0a7bf2c8e03e10f642c1886798d71806ab1e888d9e5ee87d0;
    bytes32 private constant Z27 =
        0x838c5655cb21c6cb83313b5a631175dff4963772cce9108188b34ac87c81c41e;
    bytes32 private constant Z28 =
        0x662ee4dd2dd7b2bc707961b1e646c4047669dcb6584f0d8d770daf5d7e7deb2e;
    bytes32 private constant Z29 =
        0x388ab20e2573d171a88108e79d820e98f26c0b84aa8b2f4aa4968dbb818ea322;
    bytes32 private constant Z30 =
        0x93237c50ba75ee485f4c22adf2f741400bdf8d6a9cc7df7ecae576221665d735;
    bytes32 private constant Z31 =
        0x8448818bb4ae4562849e949e17ac16e0be16688e156b5cf15e098c627c0056a9;

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

    /**
     * @notice The root of the tree that holds `leaf` at `index`, from a compact branch
     * (PROTOCOL.md §6): `siblings` lists the branch from level 0 upwards without the levels whose
     * bit is set in `zeroMask`, whose siblings are the zero hashes `Z[h]`. A zero hash listed with
     * its bit clear gives the same root.
     * @dev Reads the siblings straight from calldata; the caller checks that `siblings` holds
     * `32 − popcount(zeroMask)` of them. Each level is one block: the sibling is `Z[h]` if bit h
     * of the mask is set, else the next listed one; bit h of `index` says whether the node is the
     * right child, which goes at scratch offset 0x20 × bit and its sibling at the other half.
     * Unrolled on purpose, measured: 4,100–4,700 gas for the 32 levels against 6,900–8,300 for a
     * loop (with the zero hashes in a memory table, branching or branchless) or one Yul function
     * call per level, which the optimizer does not inline. The merkle fuzz test checks every level
     * against the SDK with random masks.
     */
    // solhint-disable-next-line function-max-lines
    function branchRoot(
        bytes32 leaf,
        bytes calldata siblings,
        uint256 index,
        uint256 zeroMask
    ) internal pure returns (bytes32 current) {
        assembly ("memory-safe") {
            current := leaf
            let ptr := siblings.offset
            {
                let sibling := 0 // Z[0]
                if iszero(and(zeroMask, 0x1)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(0, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z1
                if iszero(and(zeroMask, 0x2)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(1, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z2
                if iszero(and(zeroMask, 0x4)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(2, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z3
                if iszero(and(zeroMask, 0x8)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(3, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z4
                if iszero(and(zeroMask, 0x10)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(4, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z5
                if iszero(and(zeroMask, 0x20)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(5, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z6
                if iszero(and(zeroMask, 0x40)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(6, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z7
                if iszero(and(zeroMask, 0x80)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(7, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z8
                if iszero(and(zeroMask, 0x100)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(8, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z9
                if iszero(and(zeroMask, 0x200)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(9, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z10
                if iszero(and(zeroMask, 0x400)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(10, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z11
                if iszero(and(zeroMask, 0x800)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(11, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z12
                if iszero(and(zeroMask, 0x1000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(12, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z13
                if iszero(and(zeroMask, 0x2000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(13, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z14
                if iszero(and(zeroMask, 0x4000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(14, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z15
                if iszero(and(zeroMask, 0x8000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(15, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z16
                if iszero(and(zeroMask, 0x10000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(16, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z17
                if iszero(and(zeroMask, 0x20000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(17, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z18
                if iszero(and(zeroMask, 0x40000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(18, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z19
                if iszero(and(zeroMask, 0x80000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(19, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z20
                if iszero(and(zeroMask, 0x100000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(20, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z21
                if iszero(and(zeroMask, 0x200000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(21, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z22
                if iszero(and(zeroMask, 0x400000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(22, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z23
                if iszero(and(zeroMask, 0x800000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(23, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z24
                if iszero(and(zeroMask, 0x1000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(24, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z25
                if iszero(and(zeroMask, 0x2000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(25, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z26
                if iszero(and(zeroMask, 0x4000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(26, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z27
                if iszero(and(zeroMask, 0x8000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(27, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z28
                if iszero(and(zeroMask, 0x10000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(28, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z29
                if iszero(and(zeroMask, 0x20000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(29, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z30
                if iszero(and(zeroMask, 0x40000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(30, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
            }
            {
                let sibling := Z31
                if iszero(and(zeroMask, 0x80000000)) {
                    sibling := calldataload(ptr)
                    ptr := add(ptr, 0x20)
                }
                let right := shl(5, and(shr(31, index), 1))
                mstore(right, current)
                mstore(xor(right, 0x20), sibling)
                current := keccak256(0x00, 0x40)
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
