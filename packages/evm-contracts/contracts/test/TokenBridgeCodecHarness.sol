// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TokenBridgeCodec} from "../libs/TokenBridgeCodec.sol";

/**
 * @title TokenBridgeCodecHarness
 * @notice Test-only: exposes TokenBridgeCodec so that the spec's examples can be checked.
 */
contract TokenBridgeCodecHarness {
    /// @notice The body of these fields.
    function encode(
        bytes32 recipient,
        uint256 amount,
        bytes32 sender
    ) external pure returns (bytes memory) {
        return TokenBridgeCodec.encode(recipient, amount, sender);
    }

    /// @notice The fields of a 97-byte body.
    function decode(
        bytes calldata body
    ) external pure returns (uint8 version, bytes32 recipient, uint256 amount, bytes32 sender) {
        return (
            TokenBridgeCodec.version(body),
            TokenBridgeCodec.recipient(body),
            TokenBridgeCodec.amount(body),
            TokenBridgeCodec.sender(body)
        );
    }
}
