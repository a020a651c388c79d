// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title RemoteCallCodec
 * @notice Encodes and reads the body of an interchain-account message (spec/apps/
 * interchain-accounts.md): a packed header of 34 bytes followed by the payload.
 *
 * | offset | size | field   |
 * |--------|------|---------|
 * | 0      | 1    | version |
 * | 1      | 1    | kind    |
 * | 2      | 32   | owner   |
 * | 34     | n    | payload |
 *
 * For an EVM destination the payload is `abi.encode(Call[])`. Readers take `bytes calldata` and
 * slice it at named offsets; they assume the caller checked `length >= PAYLOAD_OFFSET`.
 */
library RemoteCallCodec {
    /**
     * @notice One call of a batch.
     * @param target The contract (or account) called, as bytes32 (PROTOCOL §2); on EVM its 12
     * high bytes must be zero.
     * @param value Native value sent with the call, from the interchain account's balance; 0 for
     * a read.
     * @param data The calldata.
     */
    struct Call {
        bytes32 target;
        uint256 value;
        bytes data;
    }

    /// @notice The only body version.
    uint8 internal constant VERSION = 1;
    /// @notice Kind: calls made by the owner's interchain account.
    uint8 internal constant KIND_CALL = 1;
    /// @notice Kind: static calls made by the router, no account.
    uint8 internal constant KIND_READ = 2;

    uint256 internal constant VERSION_OFFSET = 0;
    uint256 internal constant KIND_OFFSET = 1;
    uint256 internal constant OWNER_OFFSET = 2;
    /// @notice Length of the header; also the shortest valid body.
    uint256 internal constant PAYLOAD_OFFSET = 34;

    /// @notice The payload is not `abi.encode(Call[])` (its head points outside it).
    /// @param length The payload's length.
    error RemoteCallCodecMalformedPayload(uint256 length);

    /**
     * @notice The body of a message: `version | kind | owner | payload`.
     * @param kind_ {KIND_CALL} or {KIND_READ}.
     * @param owner_ The caller, as bytes32.
     * @param payload_ The payload.
     */
    function encode(
        uint8 kind_,
        bytes32 owner_,
        bytes memory payload_
    ) internal pure returns (bytes memory) {
        return abi.encodePacked(VERSION, kind_, owner_, payload_);
    }

    /// @notice The body's version.
    function version(bytes calldata body) internal pure returns (uint8) {
        return uint8(body[VERSION_OFFSET]);
    }

    /// @notice The body's kind.
    function kind(bytes calldata body) internal pure returns (uint8) {
        return uint8(body[KIND_OFFSET]);
    }

    /// @notice The owner: the caller on the origin, as bytes32.
    function owner(bytes calldata body) internal pure returns (bytes32) {
        return bytes32(body[OWNER_OFFSET:PAYLOAD_OFFSET]);
    }

    /// @notice The payload.
    function payload(bytes calldata body) internal pure returns (bytes calldata) {
        return body[PAYLOAD_OFFSET:];
    }

    /**
     * @notice Reads `abi.encode(Call[])` in place, without copying it to memory. The array's
     * head must lie inside `encoded`; Solidity checks each element's offsets when it is read,
     * against the whole calldata rather than `encoded`. A malformed payload can therefore decode
     * to calls made of other calldata bytes, or fail; it gains its sender nothing, since the
     * account that makes the calls is chosen by the header's `owner`, which the origin router
     * sets, and the sender could have sent those calls directly. Well-formed payloads decode
     * exactly as `abi.decode` would (fuzzed against viem in test/fuzz).
     * @param encoded The payload.
     * @return calls The calls, pointing into calldata.
     */
    function decodeCalls(bytes calldata encoded) internal pure returns (Call[] calldata calls) {
        uint256 length = encoded.length;
        if (length < 64) revert RemoteCallCodecMalformedPayload(length);
        uint256 head;
        uint256 count;
        assembly ("memory-safe") {
            head := calldataload(encoded.offset)
        }
        // Safe: length >= 64, so length - 32 cannot underflow.
        unchecked {
            if (head > length - 32) revert RemoteCallCodecMalformedPayload(length);
        }
        assembly ("memory-safe") {
            count := calldataload(add(encoded.offset, head))
        }
        // Safe: head <= length - 32, so length - head - 32 cannot underflow; each element needs
        // at least its 32-byte offset word.
        unchecked {
            if (count > (length - head - 32) / 32) revert RemoteCallCodecMalformedPayload(length);
        }
        assembly ("memory-safe") {
            calls.offset := add(add(encoded.offset, head), 0x20)
            calls.length := count
        }
    }

    /**
     * @notice The EVM address in `target`, or false when its 12 high bytes are not zero
     * (PROTOCOL §2).
     */
    function toAddress(bytes32 target) internal pure returns (bool ok, address account) {
        ok = uint256(target) >> 160 == 0;
        account = address(uint160(uint256(target)));
    }
}
