// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC7786Recipient} from "@openzeppelin/contracts/interfaces/draft-IERC7786.sol";

/**
 * @title TestERC7786Recipient
 * @notice Test-only ERC-7786 recipient: records the last message and the gas it was given, and
 * can be set to return a wrong selector or to revert. Anyone may call it.
 */
contract TestERC7786Recipient is IERC7786Recipient {
    /// @notice What `receiveMessage` does.
    enum Mode {
        Accept,
        WrongSelector,
        Revert,
        // Accept, recording only the gas and the id (cheap with any payload).
        GasOnly
    }

    /// @notice The current mode.
    Mode public mode;
    /// @notice The last receiveId.
    bytes32 public lastReceiveId;
    /// @notice The last sender.
    bytes public lastSender;
    /// @notice The last payload.
    bytes public lastPayload;
    /// @notice The gas left when the last message arrived.
    uint256 public lastGas;
    /// @notice The gateway that called last.
    address public lastGateway;
    /// @notice Messages accepted.
    uint256 public received;

    /// @notice The recipient was told to refuse.
    /// @param receiveId The message.
    error TestERC7786RecipientRefused(bytes32 receiveId);

    /// @notice Sets the mode.
    /// @param mode_ The mode.
    function setMode(Mode mode_) external {
        mode = mode_;
    }

    /// @inheritdoc IERC7786Recipient
    function receiveMessage(
        bytes32 receiveId,
        bytes calldata sender,
        bytes calldata payload
    ) external payable returns (bytes4) {
        uint256 gasAtEntry = gasleft();
        if (mode == Mode.Revert) revert TestERC7786RecipientRefused(receiveId);
        lastGas = gasAtEntry;
        lastReceiveId = receiveId;
        if (mode == Mode.GasOnly) return this.receiveMessage.selector;
        lastSender = sender;
        lastPayload = payload;
        lastGateway = msg.sender;
        ++received;
        return mode == Mode.WrongSelector ? bytes4(0xdeadbeef) : this.receiveMessage.selector;
    }
}
