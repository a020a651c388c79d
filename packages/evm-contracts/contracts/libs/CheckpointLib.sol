// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title CheckpointLib
 * @notice Hashes of a checkpoint `(origin, originEndpoint, root, index)` (PROTOCOL.md §5):
 * `domainHash = keccak256(origin u32 | originEndpoint b32 | "FERRY")`,
 * `digest = keccak256(domainHash | root b32 | index u32)`; validators sign the EIP-191 hash of
 * the 32-byte digest.
 */
library CheckpointLib {
    /// @notice `keccak256(origin u32 | originEndpoint b32 | "FERRY")`.
    function domainHash(uint32 origin, bytes32 originEndpoint) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(origin, originEndpoint, "FERRY"));
    }

    /// @notice `keccak256(domainHash | root | index u32)`.
    function digest(
        bytes32 domainHash_,
        bytes32 root,
        uint32 index
    ) internal pure returns (bytes32 result) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, domainHash_)
            mstore(add(ptr, 0x20), root)
            mstore(add(ptr, 0x40), shl(224, index))
            result := keccak256(ptr, 0x44)
        }
    }

    /// @notice `keccak256("\x19Ethereum Signed Message:\n32" | digest)`, what validators sign.
    function ethSignedHash(bytes32 digest_) internal pure returns (bytes32 result) {
        assembly ("memory-safe") {
            mstore(0x00, "\x19Ethereum Signed Message:\n32")
            mstore(0x1c, digest_)
            result := keccak256(0x00, 0x3c)
        }
    }
}
