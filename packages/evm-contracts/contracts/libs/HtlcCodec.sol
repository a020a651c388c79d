// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title HtlcCodec
 * @notice The hash time-locked contract's lock ids and claim body (spec/apps/htlc.md §2–3).
 *
 * A claim body is 65 bytes, packed big-endian; readers take `bytes calldata` and slice it at
 * named offsets, assuming the caller checked `length == BODY_LENGTH`.
 *
 * | offset | size | field    |
 * |--------|------|----------|
 * | 0      | 1    | version  |
 * | 1      | 32   | lockId   |
 * | 33     | 32   | preimage |
 */
library HtlcCodec {
    /// @notice The only body version.
    uint8 internal constant VERSION = 1;

    uint256 internal constant VERSION_OFFSET = 0;
    uint256 internal constant LOCK_ID_OFFSET = 1;
    uint256 internal constant PREIMAGE_OFFSET = 33;
    /// @notice The length of every body.
    uint256 internal constant BODY_LENGTH = 65;

    /**
     * @notice A lock's id (HTLC §2): keccak256 of its terms, packed, with the HTLC's domain and
     * address and the locker's nonce, so no two locks anywhere share one. Addresses and the
     * token are bytes32 (PROTOCOL §2; the token is zero for the native token).
     */
    function lockId(
        uint32 domain,
        bytes32 htlc,
        bytes32 locker,
        bytes32 recipient,
        bytes32 hashlock,
        uint64 timelock,
        bytes32 token,
        uint256 amount,
        uint64 nonce
    ) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encodePacked(
                    domain,
                    htlc,
                    locker,
                    recipient,
                    hashlock,
                    timelock,
                    token,
                    amount,
                    nonce
                )
            );
    }

    /// @notice The body that claims lock `lockId_` on the peer with `preimage_`.
    function encode(bytes32 lockId_, bytes32 preimage_) internal pure returns (bytes memory) {
        return abi.encodePacked(VERSION, lockId_, preimage_);
    }

    /// @notice The body's version.
    function version(bytes calldata body) internal pure returns (uint8) {
        return uint8(body[VERSION_OFFSET]);
    }

    /// @notice The id of the lock to claim.
    function lockId(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[LOCK_ID_OFFSET:PREIMAGE_OFFSET]);
    }

    /// @notice The preimage.
    function preimage(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[PREIMAGE_OFFSET:BODY_LENGTH]);
    }
}
