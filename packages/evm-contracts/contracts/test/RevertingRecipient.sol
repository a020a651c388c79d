// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title RevertingRecipient
 * @notice Test-only recipient whose handlers revert while `reverting` is on.
 */
contract RevertingRecipient is IFerryReceiver {
    /// @notice Whether the handlers revert.
    bool public reverting = true;
    /// @notice Messages handled without reverting.
    uint256 public handled;
    /// @notice Acks handled without reverting.
    uint256 public acksHandled;

    /// @notice The handler refused the message.
    /// @param nonce The message's nonce.
    error RevertingRecipientReverted(uint64 nonce);

    /// @notice The ack handler refused the ack.
    /// @param originalId The acknowledged message.
    error RevertingRecipientAckReverted(bytes32 originalId);

    /// @notice Turns reverting on or off.
    /// @param on Whether to revert.
    function setReverting(bool on) external {
        reverting = on;
    }

    /// @inheritdoc IFerryReceiver
    function handle(uint32, bytes32, uint64 nonce, bytes calldata) external {
        if (reverting) revert RevertingRecipientReverted(nonce);
        ++handled;
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32 originalId, uint8, bytes calldata) external {
        if (reverting) revert RevertingRecipientAckReverted(originalId);
        ++acksHandled;
    }
}
