// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title ReturnBomb
 * @notice Test-only recipient that returns (or reverts with) `size` bytes of 0xff, to check that
 * the endpoint copies at most 1,024 bytes.
 */
contract ReturnBomb is IFerryReceiver {
    /// @notice Bytes returned or reverted with.
    uint256 public size = 200_000;
    /// @notice Whether to revert instead of returning.
    bool public reverting;

    /// @notice Sets the payload size and whether to revert with it.
    function configure(uint256 size_, bool reverting_) external {
        size = size_;
        reverting = reverting_;
    }

    /// @inheritdoc IFerryReceiver
    function handle(uint32, bytes32, uint64, bytes calldata) external view {
        uint256 n = size;
        bool r = reverting;
        assembly ("memory-safe") {
            // Memory past the free pointer is scratch; the frame ends here.
            let ptr := mload(0x40)
            for {
                let i := 0
            } lt(i, n) {
                i := add(i, 0x20)
            } {
                mstore(add(ptr, i), not(0))
            }
            if r {
                revert(ptr, n)
            }
            return(ptr, n)
        }
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32, uint8, bytes calldata) external {}
}
