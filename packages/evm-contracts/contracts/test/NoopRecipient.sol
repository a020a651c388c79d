// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title NoopRecipient
 * @notice Test-only recipient whose handlers do nothing, to measure the endpoint's own cost.
 */
contract NoopRecipient is IFerryReceiver {
    /// @inheritdoc IFerryReceiver
    function handle(uint32, bytes32, uint64, bytes calldata) external {}

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32, uint8, bytes calldata) external {}
}
