// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {GatewayCodec} from "../libs/GatewayCodec.sol";

/**
 * @title GatewayCodecHarness
 * @notice Test-only: exposes GatewayCodec so that the spec's examples can be checked against it.
 */
contract GatewayCodecHarness {
    /// @notice The body of these fields.
    function encode(
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline,
        bytes32 sender,
        bytes32 recipient,
        bytes calldata payload
    ) external pure returns (bytes memory) {
        return GatewayCodec.encode(gasLimit, ackGasLimit, deadline, sender, recipient, payload);
    }

    /// @notice The fields of a body (at least 81 bytes).
    function decode(
        bytes calldata body
    )
        external
        pure
        returns (
            uint8 version,
            uint32 gasLimit,
            uint32 ackGasLimit,
            uint64 deadline,
            bytes32 sender,
            bytes32 recipient,
            bytes memory payload
        )
    {
        return (
            GatewayCodec.version(body),
            GatewayCodec.gasLimit(body),
            GatewayCodec.ackGasLimit(body),
            GatewayCodec.deadline(body),
            GatewayCodec.sender(body),
            GatewayCodec.recipient(body),
            GatewayCodec.payload(body)
        );
    }
}
