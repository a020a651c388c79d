// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title GatewayCodec
 * @notice Encodes and reads the body of an ERC-7786 gateway message (spec/apps/erc7786-gateway.md
 * §2): a packed header of 81 bytes followed by the payload. The header repeats the Ferry
 * message's own limits, so that the destination gateway can rebuild the message and its id
 * (the `receiveId`) from what its handler is given. Readers take `bytes calldata` and slice it
 * at named offsets; they assume the caller checked `length >= PAYLOAD_OFFSET`.
 *
 * | offset | size | field       |
 * |--------|------|-------------|
 * | 0      | 1    | version     |
 * | 1      | 4    | gasLimit    |
 * | 5      | 4    | ackGasLimit |
 * | 9      | 8    | deadline    |
 * | 17     | 32   | sender      |
 * | 49     | 32   | recipient   |
 * | 81     | n    | payload     |
 */
library GatewayCodec {
    /// @notice The only body version.
    uint8 internal constant VERSION = 1;

    uint256 internal constant VERSION_OFFSET = 0;
    uint256 internal constant GAS_LIMIT_OFFSET = 1;
    uint256 internal constant ACK_GAS_LIMIT_OFFSET = 5;
    uint256 internal constant DEADLINE_OFFSET = 9;
    uint256 internal constant SENDER_OFFSET = 17;
    uint256 internal constant RECIPIENT_OFFSET = 49;
    /// @notice Length of the header; also the shortest valid body.
    uint256 internal constant PAYLOAD_OFFSET = 81;

    /**
     * @notice The body of a message: `version | gasLimit | ackGasLimit | deadline | sender |
     * recipient | payload`.
     * @param gasLimit_ The Ferry message's gasLimit (a copy of its header's).
     * @param ackGasLimit_ The Ferry message's ackGasLimit.
     * @param deadline_ The Ferry message's deadline.
     * @param sender_ The ERC-7786 sender on the origin, as bytes32 (PROTOCOL §2).
     * @param recipient_ The ERC-7786 recipient on the destination, as bytes32.
     * @param payload_ The payload.
     */
    function encode(
        uint32 gasLimit_,
        uint32 ackGasLimit_,
        uint64 deadline_,
        bytes32 sender_,
        bytes32 recipient_,
        bytes calldata payload_
    ) internal pure returns (bytes memory) {
        return
            abi.encodePacked(
                VERSION,
                gasLimit_,
                ackGasLimit_,
                deadline_,
                sender_,
                recipient_,
                payload_
            );
    }

    /// @notice The body's version.
    function version(bytes calldata body) internal pure returns (uint8) {
        return uint8(body[VERSION_OFFSET]);
    }

    /// @notice The Ferry message's gasLimit, as the origin gateway sent it.
    function gasLimit(bytes calldata body) internal pure returns (uint32) {
        return uint32(bytes4(body[GAS_LIMIT_OFFSET:ACK_GAS_LIMIT_OFFSET]));
    }

    /// @notice The Ferry message's ackGasLimit.
    function ackGasLimit(bytes calldata body) internal pure returns (uint32) {
        return uint32(bytes4(body[ACK_GAS_LIMIT_OFFSET:DEADLINE_OFFSET]));
    }

    /// @notice The Ferry message's deadline.
    function deadline(bytes calldata body) internal pure returns (uint64) {
        return uint64(bytes8(body[DEADLINE_OFFSET:SENDER_OFFSET]));
    }

    /// @notice The ERC-7786 sender, as bytes32.
    function sender(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[SENDER_OFFSET:RECIPIENT_OFFSET]);
    }

    /// @notice The ERC-7786 recipient, as bytes32.
    function recipient(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[RECIPIENT_OFFSET:PAYLOAD_OFFSET]);
    }

    /// @notice The payload.
    function payload(bytes calldata body) internal pure returns (bytes calldata) {
        return body[PAYLOAD_OFFSET:];
    }
}
