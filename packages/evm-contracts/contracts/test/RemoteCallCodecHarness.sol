// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RemoteCallCodec} from "../libs/RemoteCallCodec.sol";

/**
 * @title RemoteCallCodecHarness
 * @notice Test-only: exposes RemoteCallCodec so that fuzz tests can compare it with viem's ABI
 * decoder.
 */
contract RemoteCallCodecHarness {
    /// @notice The calls `payload` decodes to, read in place and returned.
    function decodeCalls(
        bytes calldata payload
    ) external pure returns (RemoteCallCodec.Call[] memory) {
        return RemoteCallCodec.decodeCalls(payload);
    }

    /// @notice The header fields and payload of a body (at least 34 bytes).
    function decodeBody(
        bytes calldata body
    ) external pure returns (uint8 version, uint8 kind, bytes32 owner, bytes memory payload) {
        return (
            RemoteCallCodec.version(body),
            RemoteCallCodec.kind(body),
            RemoteCallCodec.owner(body),
            RemoteCallCodec.payload(body)
        );
    }
}
