// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title GasBurner
 * @notice Test-only recipient: records the gas left when its handler starts, then burns gas
 * until only `abi.decode(body, (uint256))` is left (or all of it, out of gas, for 0).
 */
contract GasBurner is IFerryReceiver {
    /// @notice Gas left when the last handler call started.
    uint256 public gasAtEntry;

    /// @inheritdoc IFerryReceiver
    function handle(uint32, bytes32, uint64, bytes calldata body) external {
        uint256 entry = gasleft();
        gasAtEntry = entry;
        uint256 leave = abi.decode(body, (uint256));
        while (gasleft() > leave) {}
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32, uint8, bytes calldata) external {
        gasAtEntry = gasleft();
    }
}
