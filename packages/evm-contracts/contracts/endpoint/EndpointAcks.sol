// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {EndpointOutbox} from "./EndpointOutbox.sol";

/**
 * @title EndpointAcks
 * @notice Acks (PROTOCOL.md §8). When a message that asked for an ack reaches a final status
 * (Executed or TimedOut), the endpoint itself sends the ack: `IS_ACK`, from the original
 * recipient to the original sender on the original origin, `gasLimit = ackGasLimit`, no
 * deadline, the next nonce of the ack channel (kind 1), body `originalId | status | result`.
 * It pays no fee here: the sender paid for it on the origin. Also exposes, while an ack handler
 * runs, the ack's origin and sender ({ackContext}).
 */
abstract contract EndpointAcks is EndpointOutbox {
    using MessageCodec for bytes;

    /// @dev Transient slots of the running ack's origin and sender.
    bytes32 private constant _ACK_ORIGIN_SLOT = keccak256("ferry.endpoint.ackContext.origin");
    bytes32 private constant _ACK_SENDER_SLOT = keccak256("ferry.endpoint.ackContext.sender");

    /// @inheritdoc IEndpoint
    function ackContext() external view returns (uint32 origin, bytes32 sender) {
        bytes32 originSlot = _ACK_ORIGIN_SLOT;
        bytes32 senderSlot = _ACK_SENDER_SLOT;
        uint256 ackOrigin;
        assembly ("memory-safe") {
            ackOrigin := tload(originSlot)
            sender := tload(senderSlot)
        }
        // Safe cast: only a uint32 is ever stored there.
        origin = uint32(ackOrigin);
    }

    /// @dev Records the origin and sender of the ack whose handler is about to run.
    function _setAckContext(uint32 ackOrigin, bytes32 ackSender) internal {
        bytes32 originSlot = _ACK_ORIGIN_SLOT;
        bytes32 senderSlot = _ACK_SENDER_SLOT;
        assembly ("memory-safe") {
            tstore(originSlot, and(ackOrigin, 0xffffffff))
            tstore(senderSlot, ackSender)
        }
    }

    /// @dev Clears the ack context once the ack handler returned.
    function _clearAckContext() internal {
        bytes32 originSlot = _ACK_ORIGIN_SLOT;
        bytes32 senderSlot = _ACK_SENDER_SLOT;
        assembly ("memory-safe") {
            tstore(originSlot, 0)
            tstore(senderSlot, 0)
        }
    }

    /**
     * @dev Sends the ack of `message` (delivered here, so its destination is the local domain).
     * @param message The acknowledged message.
     * @param originalId Its id.
     * @param status Its final status.
     * @param result Its handler's return data, or its last revert data.
     */
    function _sendAck(
        bytes calldata message,
        bytes32 originalId,
        uint8 status,
        bytes memory result
    ) internal {
        uint32 destination = message.origin();
        bytes32 ackRecipient = message.sender();
        uint64 nonce = _nextOutboundNonce(
            MessageCodec.channelKey(
                localDomain(),
                message.recipient(),
                destination,
                ackRecipient,
                MessageCodec.FLAG_IS_ACK
            )
        );
        bytes memory ack = _encodeAck(message, nonce, originalId, status, result);
        _insert(ack, destination, ackRecipient, nonce);
    }

    /// @dev The ack of `message`: from its recipient to its sender, back to its origin.
    function _encodeAck(
        bytes calldata message,
        uint64 nonce,
        bytes32 originalId,
        uint8 status,
        bytes memory result
    ) private view returns (bytes memory) {
        uint192 limits = MessageCodec.packLimits(nonce, 0, message.ackGasLimit(), 0);
        return
            MessageCodec.encodeAck(
                localDomain(),
                message.recipient(),
                message.origin(),
                message.sender(),
                limits,
                originalId,
                status,
                result
            );
    }
}
