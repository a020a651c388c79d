// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title MessageCodec
 * @notice Encodes and reads Ferry messages (PROTOCOL.md §3): a packed, big-endian header of 98
 * bytes followed by the body. Readers take `bytes calldata` and slice it at named offsets, like
 * Hyperlane's `libs/Message.sol`; they assume the caller checked `length >= BODY_OFFSET`.
 *
 * | offset | size | field       |
 * |--------|------|-------------|
 * | 0      | 1    | version     |
 * | 1      | 1    | flags       |
 * | 2      | 4    | origin      |
 * | 6      | 32   | sender      |
 * | 38     | 4    | destination |
 * | 42     | 32   | recipient   |
 * | 74     | 8    | nonce       |
 * | 82     | 8    | deadline    |
 * | 90     | 4    | gasLimit    |
 * | 94     | 4    | ackGasLimit |
 * | 98     | n    | body        |
 *
 * An ack's body is `originalId b32 | status u8 | result` (PROTOCOL.md §8).
 */
library MessageCodec {
    /// @notice The only protocol version.
    uint8 internal constant VERSION = 1;
    /// @notice Flag bit 0: the message is an ack.
    uint8 internal constant FLAG_IS_ACK = 1;
    /// @notice Flag bit 1: the sender asks for an ack.
    uint8 internal constant FLAG_ACK_REQUESTED = 2;
    /// @notice Every defined flag bit; other bits must be 0.
    uint8 internal constant KNOWN_FLAGS = FLAG_IS_ACK | FLAG_ACK_REQUESTED;
    /// @notice Largest body a message may carry.
    uint256 internal constant MAX_BODY_LENGTH = 65_536;

    uint256 internal constant VERSION_OFFSET = 0;
    uint256 internal constant FLAGS_OFFSET = 1;
    uint256 internal constant ORIGIN_OFFSET = 2;
    uint256 internal constant SENDER_OFFSET = 6;
    uint256 internal constant DESTINATION_OFFSET = 38;
    uint256 internal constant RECIPIENT_OFFSET = 42;
    uint256 internal constant NONCE_OFFSET = 74;
    uint256 internal constant DEADLINE_OFFSET = 82;
    uint256 internal constant GAS_LIMIT_OFFSET = 90;
    uint256 internal constant ACK_GAS_LIMIT_OFFSET = 94;
    /// @notice Length of the header; also the shortest valid message.
    uint256 internal constant BODY_OFFSET = 98;

    uint256 internal constant ACK_ORIGINAL_ID_OFFSET = 0;
    uint256 internal constant ACK_STATUS_OFFSET = 32;
    /// @notice Length of an ack body without result; also the shortest valid ack body.
    uint256 internal constant ACK_RESULT_OFFSET = 33;

    // ---------------------------------------------------------------- encoding

    /**
     * @notice Packs the header's last four fields (bytes 74..98) into one value, so that
     * {encode} takes few enough arguments for the stack: `nonce | deadline | gasLimit |
     * ackGasLimit`, 24 bytes big-endian.
     */
    function packLimits(
        uint64 messageNonce,
        uint64 messageDeadline,
        uint32 handlerGasLimit,
        uint32 ackHandlerGasLimit
    ) internal pure returns (uint192) {
        return
            (uint192(messageNonce) << 128) |
            (uint192(messageDeadline) << 64) |
            (uint192(handlerGasLimit) << 32) |
            uint192(ackHandlerGasLimit);
    }

    /**
     * @notice Encodes a message with a body in calldata.
     * @param limits `nonce | deadline | gasLimit | ackGasLimit` from {packLimits}.
     */
    function encode(
        uint8 messageFlags,
        uint32 originDomain,
        bytes32 senderApp,
        uint32 destinationDomain,
        bytes32 recipientApp,
        uint192 limits,
        bytes calldata messageBody
    ) internal pure returns (bytes memory) {
        return
            abi.encodePacked(
                VERSION,
                messageFlags,
                originDomain,
                senderApp,
                destinationDomain,
                recipientApp,
                limits,
                messageBody
            );
    }

    /**
     * @notice Encodes an ack message, whose body is `originalId | status | result`, in one copy.
     * Acks have flags `IS_ACK`, no deadline and no ack gas limit (PROTOCOL.md §8).
     * @param limits `nonce | 0 | gasLimit | 0` from {packLimits}.
     */
    function encodeAck(
        uint32 originDomain,
        bytes32 senderApp,
        uint32 destinationDomain,
        bytes32 recipientApp,
        uint192 limits,
        bytes32 originalId,
        uint8 status,
        bytes memory result
    ) internal pure returns (bytes memory) {
        return
            abi.encodePacked(
                VERSION,
                FLAG_IS_ACK,
                originDomain,
                senderApp,
                destinationDomain,
                recipientApp,
                limits,
                originalId,
                status,
                result
            );
    }

    /// @notice Encodes an ack body: `originalId b32 | status u8 | result`.
    function encodeAckBody(
        bytes32 originalId,
        uint8 status,
        bytes memory result
    ) internal pure returns (bytes memory) {
        return abi.encodePacked(originalId, status, result);
    }

    // ---------------------------------------------------------------- hashing

    /// @notice `keccak256(message)`.
    function id(bytes calldata message) internal pure returns (bytes32 digest) {
        assembly ("memory-safe") {
            // Scratch copy past the free memory pointer; nothing is allocated.
            let ptr := mload(0x40)
            calldatacopy(ptr, message.offset, message.length)
            digest := keccak256(ptr, message.length)
        }
    }

    /**
     * @notice The channel of a message: `keccak256(origin | sender | destination | recipient |
     * (flags & IS_ACK))`. The four fields are contiguous in the header (bytes 2..74), so they are
     * hashed in place.
     */
    function channel(bytes calldata message) internal pure returns (bytes32 key) {
        uint8 kind = flags(message) & FLAG_IS_ACK;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, add(message.offset, ORIGIN_OFFSET), 72)
            mstore8(add(ptr, 72), kind)
            key := keccak256(ptr, 73)
        }
    }

    /// @notice The channel key of `(origin, sender, destination, recipient, kind)`.
    function channelKey(
        uint32 originDomain,
        bytes32 senderApp,
        uint32 destinationDomain,
        bytes32 recipientApp,
        uint8 kind
    ) internal pure returns (bytes32 key) {
        assembly ("memory-safe") {
            // shl(224, ·) keeps only the low 32 bits of each domain.
            let ptr := mload(0x40)
            mstore(ptr, shl(224, originDomain))
            mstore(add(ptr, 4), senderApp)
            mstore(add(ptr, 36), shl(224, destinationDomain))
            mstore(add(ptr, 40), recipientApp)
            mstore8(add(ptr, 72), kind)
            key := keccak256(ptr, 73)
        }
    }

    // ---------------------------------------------------------------- readers

    function version(bytes calldata message) internal pure returns (uint8) {
        return uint8(bytes1(message[VERSION_OFFSET:FLAGS_OFFSET]));
    }

    function flags(bytes calldata message) internal pure returns (uint8) {
        return uint8(bytes1(message[FLAGS_OFFSET:ORIGIN_OFFSET]));
    }

    function isAck(bytes calldata message) internal pure returns (bool) {
        return flags(message) & FLAG_IS_ACK != 0;
    }

    function ackRequested(bytes calldata message) internal pure returns (bool) {
        return flags(message) & FLAG_ACK_REQUESTED != 0;
    }

    function origin(bytes calldata message) internal pure returns (uint32) {
        return uint32(bytes4(message[ORIGIN_OFFSET:SENDER_OFFSET]));
    }

    function sender(bytes calldata message) internal pure returns (bytes32) {
        return bytes32(message[SENDER_OFFSET:DESTINATION_OFFSET]);
    }

    function destination(bytes calldata message) internal pure returns (uint32) {
        return uint32(bytes4(message[DESTINATION_OFFSET:RECIPIENT_OFFSET]));
    }

    function recipient(bytes calldata message) internal pure returns (bytes32) {
        return bytes32(message[RECIPIENT_OFFSET:NONCE_OFFSET]);
    }

    function nonce(bytes calldata message) internal pure returns (uint64) {
        return uint64(bytes8(message[NONCE_OFFSET:DEADLINE_OFFSET]));
    }

    function deadline(bytes calldata message) internal pure returns (uint64) {
        return uint64(bytes8(message[DEADLINE_OFFSET:GAS_LIMIT_OFFSET]));
    }

    function gasLimit(bytes calldata message) internal pure returns (uint32) {
        return uint32(bytes4(message[GAS_LIMIT_OFFSET:ACK_GAS_LIMIT_OFFSET]));
    }

    function ackGasLimit(bytes calldata message) internal pure returns (uint32) {
        return uint32(bytes4(message[ACK_GAS_LIMIT_OFFSET:BODY_OFFSET]));
    }

    function body(bytes calldata message) internal pure returns (bytes calldata) {
        return message[BODY_OFFSET:];
    }

    /// @notice Reads an ack body; assumes `ackBody.length >= ACK_RESULT_OFFSET`.
    function decodeAckBody(
        bytes calldata ackBody
    ) internal pure returns (bytes32 originalId, uint8 status, bytes calldata result) {
        originalId = bytes32(ackBody[ACK_ORIGINAL_ID_OFFSET:ACK_STATUS_OFFSET]);
        status = uint8(bytes1(ackBody[ACK_STATUS_OFFSET:ACK_RESULT_OFFSET]));
        result = ackBody[ACK_RESULT_OFFSET:];
    }

    // ---------------------------------------------------------------- addresses

    /// @notice Left-pads an EVM address to the protocol's `bytes32` form (PROTOCOL.md §2).
    function toBytes32(address account) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(account)));
    }

    /**
     * @notice The EVM address in `account`, or `ok == false` when its first 12 bytes are not zero
     * (then it names no EVM account, and truncating it would name a different one).
     */
    function toAddress(bytes32 account) internal pure returns (bool ok, address addr) {
        ok = uint256(account) >> 160 == 0;
        addr = address(uint160(uint256(account)));
    }
}
