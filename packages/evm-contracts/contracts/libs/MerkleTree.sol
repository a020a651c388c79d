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
    // branch leaves out. Literals, so that {branchRoot} reads them at the cost of a PUSH32.
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
     * `32 − popcount(zeroMask)` of them. Unrolled, one line per level, so that each level's zero
     * hash is a literal instead of a table lookup.
     */
    // solhint-disable-next-line function-max-lines
    function branchRoot(
        bytes32 leaf,
        bytes calldata siblings,
        uint256 index,
        uint256 zeroMask
    ) internal pure returns (bytes32 current) {
        assembly ("memory-safe") {
            // One level: the sibling is `zero` if bit h of the mask is set, else the next listed
            // one. Branchless placement: bit h of index says whether `node` is the right child;
            // it goes at scratch offset 0x20 × bit and its sibling at the other half.
            function fold(node, p, idx, mask, h, zero) -> next, q {
                q := p
                let sibling := zero
                if iszero(and(shr(h, mask), 1)) {
                    sibling := calldataload(p)
                    q := add(p, 0x20)
                }
                let right := shl(5, and(shr(h, idx), 1))
                mstore(right, node)
                mstore(xor(right, 0x20), sibling)
                next := keccak256(0x00, 0x40)
            }
            current := leaf
            let ptr := siblings.offset
            current, ptr := fold(current, ptr, index, zeroMask, 0, 0)
            current, ptr := fold(current, ptr, index, zeroMask, 1, Z1)
            current, ptr := fold(current, ptr, index, zeroMask, 2, Z2)
            current, ptr := fold(current, ptr, index, zeroMask, 3, Z3)
            current, ptr := fold(current, ptr, index, zeroMask, 4, Z4)
            current, ptr := fold(current, ptr, index, zeroMask, 5, Z5)
            current, ptr := fold(current, ptr, index, zeroMask, 6, Z6)
            current, ptr := fold(current, ptr, index, zeroMask, 7, Z7)
            current, ptr := fold(current, ptr, index, zeroMask, 8, Z8)
            current, ptr := fold(current, ptr, index, zeroMask, 9, Z9)
            current, ptr := fold(current, ptr, index, zeroMask, 10, Z10)
            current, ptr := fold(current, ptr, index, zeroMask, 11, Z11)
            current, ptr := fold(current, ptr, index, zeroMask, 12, Z12)
            current, ptr := fold(current, ptr, index, zeroMask, 13, Z13)
            current, ptr := fold(current, ptr, index, zeroMask, 14, Z14)
            current, ptr := fold(current, ptr, index, zeroMask, 15, Z15)
            current, ptr := fold(current, ptr, index, zeroMask, 16, Z16)
            current, ptr := fold(current, ptr, index, zeroMask, 17, Z17)
            current, ptr := fold(current, ptr, index, zeroMask, 18, Z18)
            current, ptr := fold(current, ptr, index, zeroMask, 19, Z19)
            current, ptr := fold(current, ptr, index, zeroMask, 20, Z20)
            current, ptr := fold(current, ptr, index, zeroMask, 21, Z21)
            current, ptr := fold(current, ptr, index, zeroMask, 22, Z22)
            current, ptr := fold(current, ptr, index, zeroMask, 23, Z23)
            current, ptr := fold(current, ptr, index, zeroMask, 24, Z24)
            current, ptr := fold(current, ptr, index, zeroMask, 25, Z25)
            current, ptr := fold(current, ptr, index, zeroMask, 26, Z26)
            current, ptr := fold(current, ptr, index, zeroMask, 27, Z27)
            current, ptr := fold(current, ptr, index, zeroMask, 28, Z28)
            current, ptr := fold(current, ptr, index, zeroMask, 29, Z29)
            current, ptr := fold(current, ptr, index, zeroMask, 30, Z30)
            current, ptr := fold(current, ptr, index, zeroMask, 31, Z31)
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
