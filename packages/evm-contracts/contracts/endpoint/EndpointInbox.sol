// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {IVerifier} from "../interfaces/IVerifier.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {MessageStatus} from "../libs/MessageStatus.sol";
import {EndpointExecutor} from "./EndpointExecutor.sol";
import {EndpointVerifiers} from "./EndpointVerifiers.sol";

/**
 * @title EndpointInbox
 * @notice Delivery (PROTOCOL.md §7): deliver, deliverBatch, retry, timeout and statuses.
 *
 * Storage is kept off the hot path: a message Executed at its first delivery writes nothing but
 * its channel's inbound nonce, which is also what makes a replay revert. A status is stored
 * only for Failed, TimedOut and Executed-after-retry; for a Failed message that asked for an ack
 * its last revert data is kept too, as the result of a TimedOut ack. Hence {messageStatus}
 * takes the message, not its id.
 *
 * deliver, deliverBatch, retry and timeout share one transient reentrancy lock: a handler that
 * calls them reverts (and its message is Failed with that revert data); a handler may send.
 */
abstract contract EndpointInbox is EndpointVerifiers, EndpointExecutor, ReentrancyGuardTransient {
    using MessageCodec for bytes;

    mapping(bytes32 channel => uint64) private _inboundNonces;
    mapping(bytes32 id => uint8) private _storedStatuses;
    mapping(bytes32 id => bytes) private _lastRevertData;

    // ---------------------------------------------------------------- entry points

    /// @inheritdoc IEndpoint
    function deliver(
        bytes calldata message,
        bytes calldata proof
    ) external nonReentrant whenNotPaused {
        _deliver(message, proof);
    }

    /// @inheritdoc IEndpoint
    function deliverBatch(
        bytes[] calldata messages,
        bytes[] calldata proofs
    ) external nonReentrant whenNotPaused {
        uint256 count = messages.length;
        if (count != proofs.length) revert EndpointBatchLengthMismatch(count, proofs.length);
        for (uint256 i; i < count;) {
            _deliver(messages[i], proofs[i]);
            // Safe: i < count.
            unchecked {
                ++i;
            }
        }
    }

    /// @inheritdoc IEndpoint
    function retry(bytes calldata message, uint32 gasLimit) external nonReentrant whenNotPaused {
        // CHECKS: a stored Failed status proves the message was verified at its delivery.
        bytes32 id = message.id();
        if (_storedStatuses[id] != MessageStatus.FAILED) {
            revert EndpointNotRetryable(id, _statusOf(message, id));
        }
        uint64 deadline = message.deadline();
        if (deadline != 0 && block.timestamp > deadline) {
            revert EndpointDeadlinePassed(id, deadline);
        }
        // More gas than the sender asked for is allowed (a handler that ran out of gas becomes
        // recoverable), less is not: the sender's gasLimit is what its handler was promised.
        uint32 minimum = message.gasLimit();
        if (gasLimit < minimum) revert EndpointRetryGasLimitTooLow(id, gasLimit, minimum);

        // INTERACTIONS, then EFFECTS by outcome (the lock keeps the handler from re-entering).
        (bool ok, bytes memory result) = _execute(message, gasLimit);
        _settle(message, id, ok, result, true);
    }

    /// @inheritdoc IEndpoint
    function timeout(bytes calldata message) external nonReentrant whenNotPaused {
        // CHECKS
        bytes32 id = message.id();
        if (_storedStatuses[id] != MessageStatus.FAILED) {
            revert EndpointNotTimeoutable(id, _statusOf(message, id));
        }
        uint64 deadline = message.deadline();
        if (deadline == 0) revert EndpointNoDeadline(id);
        if (block.timestamp <= deadline) {
            revert EndpointDeadlineNotPassed(id, deadline, block.timestamp);
        }

        // EFFECTS
        _storedStatuses[id] = MessageStatus.TIMED_OUT;
        bool ackRequested = message.ackRequested();
        bytes memory result;
        if (ackRequested) {
            result = _lastRevertData[id];
            delete _lastRevertData[id];
        }
        emit MessageTimedOut(id);
        if (ackRequested) _sendAck(message, id, MessageStatus.TIMED_OUT, result);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IEndpoint
    function messageStatus(bytes calldata message) external view returns (uint8) {
        if (message.length < MessageCodec.BODY_OFFSET) return MessageStatus.NONE;
        return _statusOf(message, message.id());
    }

    /// @inheritdoc IEndpoint
    function storedStatus(bytes32 id) external view returns (uint8) {
        return _storedStatuses[id];
    }

    /**
     * @notice The last revert data kept for a Failed message that asked for an ack (empty
     * otherwise); it becomes the result of its ack if the message times out.
     * @param id The message id.
     */
    function lastRevertData(bytes32 id) external view returns (bytes memory) {
        return _lastRevertData[id];
    }

    /// @inheritdoc IEndpoint
    function inboundNonce(bytes32 channel) external view returns (uint64) {
        return _inboundNonces[channel];
    }

    // ---------------------------------------------------------------- internal

    /// @dev Delivers one message (PROTOCOL.md §7).
    function _deliver(bytes calldata message, bytes calldata proof) private {
        // CHECKS: the header, the channel order, then the proof.
        _checkMessage(message);
        bytes32 id = message.id();
        address verifier = _requireVerifier(message.origin(), message.recipient());
        bytes32 channel = message.channel();
        uint64 nonce = message.nonce();
        uint64 expected = _inboundNonces[channel] + 1;
        if (nonce != expected) revert EndpointNonceOutOfOrder(channel, expected, nonce);
        if (!IVerifier(verifier).verify(message, proof)) {
            revert EndpointProofRejected(id, verifier);
        }

        // EFFECTS: the nonce advances whatever happens next.
        _inboundNonces[channel] = nonce;
        uint64 deadline = message.deadline();
        if (deadline != 0 && block.timestamp > deadline) {
            _storedStatuses[id] = MessageStatus.TIMED_OUT;
            emit MessageDelivered(
                id,
                message.origin(),
                message.sender(),
                nonce,
                MessageStatus.TIMED_OUT,
                ""
            );
            if (message.ackRequested()) _sendAck(message, id, MessageStatus.TIMED_OUT, "");
            return;
        }

        // INTERACTIONS, then EFFECTS by outcome.
        (bool ok, bytes memory result) = _execute(message, message.gasLimit());
        _settle(message, id, ok, result, false);
    }

    /**
     * @dev Records a handler call's outcome: for a first delivery nothing is stored when it
     * executed, Failed otherwise; for a retry, Executed replaces Failed. Keeps the revert data of
     * a Failed message that asked for an ack, emits, and sends the ack once Executed.
     */
    function _settle(
        bytes calldata message,
        bytes32 id,
        bool ok,
        bytes memory result,
        bool isRetry
    ) private {
        bool ackRequested = message.ackRequested();
        uint8 status = ok ? MessageStatus.EXECUTED : MessageStatus.FAILED;
        if (ok) {
            if (isRetry) {
                _storedStatuses[id] = MessageStatus.EXECUTED;
                if (ackRequested) delete _lastRevertData[id];
            }
        } else {
            if (!isRetry) _storedStatuses[id] = MessageStatus.FAILED;
            if (ackRequested) _lastRevertData[id] = result;
        }
        if (isRetry) {
            emit MessageRetried(id, status, result);
        } else {
            emit MessageDelivered(
                id,
                message.origin(),
                message.sender(),
                message.nonce(),
                status,
                result
            );
        }
        if (message.isAck()) {
            (bytes32 originalId, uint8 originalStatus, ) = message.body().decodeAckBody();
            emit AckDelivered(id, originalId, originalStatus, status);
        }
        if (ok && ackRequested) _sendAck(message, id, MessageStatus.EXECUTED, result);
    }

    /// @dev Rejects a malformed message or one not for this domain (PROTOCOL.md §3).
    function _checkMessage(bytes calldata message) private view {
        _checkHeader(message);
        uint32 destination = message.destination();
        if (destination != localDomain())
            revert EndpointWrongDestination(localDomain(), destination);
        _checkBody(message);
    }

    /// @dev Stored status, else Executed when the channel is past the nonce, else None.
    function _statusOf(bytes calldata message, bytes32 id) private view returns (uint8 status) {
        status = _storedStatuses[id];
        if (status == MessageStatus.NONE && message.length >= MessageCodec.BODY_OFFSET) {
            uint64 nonce = message.nonce();
            if (nonce != 0 && nonce <= _inboundNonces[message.channel()]) {
                status = MessageStatus.EXECUTED;
            }
        }
    }
}
