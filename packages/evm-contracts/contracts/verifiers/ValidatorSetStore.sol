// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ValidatorSetStore
 * @notice Keeps an origin's `domainHash | validators` in the code of a data contract
 * (SSTORE2-style): writing deploys it once per configuration change; reading is one
 * EXTCODECOPY, far cheaper than an SLOAD per validator. The runtime code starts with a STOP
 * byte so the data contract cannot be called into anything.
 *
 * Layout of the runtime code: `0x00 | domainHash b32 | validator_0 b20 | … | validator_n-1 b20`.
 */
library ValidatorSetStore {
    /// @dev Bytes before the data in the runtime code (the STOP byte).
    uint256 private constant _DATA_OFFSET = 1;
    /// @dev Bytes per validator (packed addresses).
    uint256 private constant _ADDRESS_LENGTH = 20;

    /// @notice Deploying the data contract failed.
    error ValidatorSetStoreDeployFailed();

    /**
     * @notice Deploys a data contract holding `domainHash | validators`.
     * @return pointer Its address.
     */
    function write(
        bytes32 domainHash,
        address[] calldata validators
    ) internal returns (address pointer) {
        uint256 size = validators.length;
        bytes memory data = new bytes(32 + size * _ADDRESS_LENGTH);
        assembly ("memory-safe") {
            let ptr := add(data, 0x20)
            mstore(ptr, domainHash)
            ptr := add(ptr, 0x20)
            for {
                let i := 0
            } lt(i, size) {
                i := add(i, 1)
            } {
                // Left-aligned: the address's 20 bytes land at ptr and the next address
                // overwrites the 12 zero bytes after it. The last word may reach 12 bytes past
                // `data`, into free memory that nothing has allocated yet.
                let validator := calldataload(add(validators.offset, shl(5, i)))
                mstore(ptr, shl(96, validator))
                ptr := add(ptr, _ADDRESS_LENGTH)
            }
        }
        // Creation code: PUSH2 len, DUP1, PUSH1 10, RETURNDATASIZE, CODECOPY, RETURNDATASIZE,
        // RETURN; followed by the runtime code, STOP | data.
        bytes memory initCode = abi.encodePacked(
            hex"61",
            uint16(data.length + _DATA_OFFSET),
            hex"80600a3d393df3",
            hex"00",
            data
        );
        assembly ("memory-safe") {
            pointer := create(0, add(initCode, 0x20), mload(initCode))
        }
        if (pointer == address(0)) revert ValidatorSetStoreDeployFailed();
    }

    /**
     * @notice Copies `domainHash` and the first `size` validators of a data contract to memory.
     * @param size Validators to copy (0 for just the domain hash).
     * @return domainHash The domain hash.
     * @return validators Memory address of the packed validators (20 bytes each).
     */
    function read(
        address pointer,
        uint256 size
    ) internal view returns (bytes32 domainHash, uint256 validators) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            let length := add(0x20, mul(size, _ADDRESS_LENGTH))
            extcodecopy(pointer, ptr, _DATA_OFFSET, length)
            domainHash := mload(ptr)
            validators := add(ptr, 0x20)
            // Allocate, rounded up to words, plus one word for reads of the last address.
            mstore(0x40, add(ptr, and(add(length, 0x3f), not(0x1f))))
        }
    }

    /// @notice Validator `i` of a set read by {read}.
    function at(uint256 validators, uint256 i) internal pure returns (address validator) {
        assembly ("memory-safe") {
            validator := shr(96, mload(add(validators, mul(i, _ADDRESS_LENGTH))))
        }
    }

    /// @notice All `size` validators of a data contract, as an array.
    function readAll(
        address pointer,
        uint256 size
    ) internal view returns (address[] memory validators) {
        (, uint256 packed) = read(pointer, size);
        validators = new address[](size);
        for (uint256 i; i < size;) {
            validators[i] = at(packed, i);
            // Safe: i < size.
            unchecked {
                ++i;
            }
        }
    }
}
