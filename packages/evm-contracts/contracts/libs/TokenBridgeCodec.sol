// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title TokenBridgeCodec
 * @notice Encodes and reads the body of a token-bridge message (spec/apps/token-bridge.md §2):
 * 97 bytes, packed big-endian. Readers take `bytes calldata` and slice it at named offsets; they
 * assume the caller checked `length == BODY_LENGTH`.
 *
 * | offset | size | field     |
 * |--------|------|-----------|
 * | 0      | 1    | version   |
 * | 1      | 32   | recipient |
 * | 33     | 32   | amount    |
 * | 65     | 32   | sender    |
 */
library TokenBridgeCodec {
    /// @notice The only body version.
    uint8 internal constant VERSION = 1;

    uint256 internal constant VERSION_OFFSET = 0;
    uint256 internal constant RECIPIENT_OFFSET = 1;
    uint256 internal constant AMOUNT_OFFSET = 33;
    uint256 internal constant SENDER_OFFSET = 65;
    /// @notice The length of every body.
    uint256 internal constant BODY_LENGTH = 97;

    /**
     * @notice The body of a transfer.
     * @param recipient_ The recipient on the destination, as bytes32 (PROTOCOL §2).
     * @param amount_ The amount in the destination token's units.
     * @param sender_ The sender on the origin, as bytes32.
     */
    function encode(
        bytes32 recipient_,
        uint256 amount_,
        bytes32 sender_
    ) internal pure returns (bytes memory) {
        return abi.encodePacked(VERSION, recipient_, amount_, sender_);
    }

    /// @notice The body's version.
    function version(bytes calldata body) internal pure returns (uint8) {
        return uint8(body[VERSION_OFFSET]);
    }

    /// @notice The recipient, as bytes32.
    function recipient(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[RECIPIENT_OFFSET:AMOUNT_OFFSET]);
    }

    /// @notice The amount, in the destination token's units.
    function amount(bytes calldata body) internal pure returns (uint256) {
        return uint256(bytes32(body[AMOUNT_OFFSET:SENDER_OFFSET]));
    }

    /// @notice The sender, as bytes32.
    function sender(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[SENDER_OFFSET:BODY_LENGTH]);
    }
}
