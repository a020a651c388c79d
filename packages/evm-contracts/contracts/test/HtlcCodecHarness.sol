// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {HtlcCodec} from "../libs/HtlcCodec.sol";

/**
 * @title HtlcCodecHarness
 * @notice Test-only: exposes HtlcCodec so that the spec's examples can be checked.
 */
contract HtlcCodecHarness {
    /// @notice The lock id of these terms (HTLC §2).
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
    ) external pure returns (bytes32) {
        return
            HtlcCodec.lockId(
                domain,
                htlc,
                locker,
                recipient,
                hashlock,
                timelock,
                token,
                amount,
                nonce
            );
    }

    /// @notice The claim body of these fields.
    function encode(bytes32 lockId_, bytes32 preimage) external pure returns (bytes memory) {
        return HtlcCodec.encode(lockId_, preimage);
    }

    /// @notice The fields of a 65-byte body.
    function decode(
        bytes calldata body
    ) external pure returns (uint8 version, bytes32 lockId_, bytes32 preimage) {
        return (HtlcCodec.version(body), HtlcCodec.lockId(body), HtlcCodec.preimage(body));
    }
}
