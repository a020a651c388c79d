// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title BenchRecipient
 * @notice Gas-benchmark recipient doing exactly what Hyperlane's `TestRecipient.handle` does
 * (emit the message, store the sender and the body), so delivery figures compare endpoints, not
 * recipients. Anyone may call it.
 */
contract BenchRecipient is IFerryReceiver {
    /// @notice The last sender.
    bytes32 public lastSender;
    /// @notice The last body.
    bytes public lastBody;

    /// @notice A message arrived (Hyperlane's event, whose `value` is always 0 here).
    /// @param origin The origin domain.
    /// @param sender The sender.
    /// @param value The value sent with the call.
    /// @param message The body.
    event ReceivedMessage(
        uint32 indexed origin,
        bytes32 indexed sender,
        uint256 indexed value,
        string message
    );

    /// @inheritdoc IFerryReceiver
    function handle(uint32 origin, bytes32 sender, uint64, bytes calldata body) external {
        emit ReceivedMessage(origin, sender, 0, string(body));
        lastSender = sender;
        lastBody = body;
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32, uint8, bytes calldata) external {}
}
