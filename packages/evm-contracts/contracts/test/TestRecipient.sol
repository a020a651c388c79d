// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title TestRecipient
 * @notice Test-only recipient, after Hyperlane's TestRecipient: records the last message and the
 * last ack, returns a settable result raw, and can send through an endpoint (to get acks).
 * Anyone may call its handlers.
 */
contract TestRecipient is IFerryReceiver {
    /// @notice The last message's origin.
    uint32 public lastOrigin;
    /// @notice The last message's sender.
    bytes32 public lastSender;
    /// @notice The last message's nonce.
    uint64 public lastNonce;
    /// @notice The last message's body.
    bytes public lastBody;
    /// @notice Messages handled.
    uint256 public handled;

    /// @notice The last ack's original id.
    bytes32 public lastAckId;
    /// @notice The last ack's status.
    uint8 public lastAckStatus;
    /// @notice The last ack's result.
    bytes public lastAckResult;
    /// @notice Acks handled.
    uint256 public acksHandled;

    bytes private _result;

    /// @notice A message was handled.
    /// @param origin The origin domain.
    /// @param sender The sender.
    /// @param nonce The nonce.
    /// @param body The body.
    event Handled(uint32 origin, bytes32 sender, uint64 nonce, bytes body);

    /// @notice An ack was handled.
    /// @param originalId The acknowledged message.
    /// @param status Its status.
    /// @param result Its result.
    event AckHandled(bytes32 originalId, uint8 status, bytes result);

    /// @notice Sets the raw bytes {handle} returns.
    /// @param result The bytes.
    function setResult(bytes calldata result) external {
        _result = result;
    }

    /// @inheritdoc IFerryReceiver
    function handle(uint32 origin, bytes32 sender, uint64 nonce, bytes calldata body) external {
        lastOrigin = origin;
        lastSender = sender;
        lastNonce = nonce;
        lastBody = body;
        ++handled;
        emit Handled(origin, sender, nonce, body);
        bytes memory result = _result;
        assembly ("memory-safe") {
            return(add(result, 0x20), mload(result))
        }
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32 originalId, uint8 status, bytes calldata result) external {
        lastAckId = originalId;
        lastAckStatus = status;
        lastAckResult = result;
        ++acksHandled;
        emit AckHandled(originalId, status, result);
    }

    /// @notice Sends through `endpoint` as this contract, forwarding `msg.value`.
    function sendVia(
        IEndpoint endpoint,
        uint32 destination,
        bytes32 recipient,
        bytes calldata body,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32 id, uint64 nonce) {
        // IEndpoint.send, not address.send: its failures revert.
        // solhint-disable-next-line check-send-result
        (id, nonce) = endpoint.send{value: msg.value}(
            destination,
            recipient,
            body,
            gasLimit,
            ackGasLimit,
            deadline
        );
    }

    /// @notice Sets this contract's verifier override at `endpoint`.
    function setVerifierAt(IEndpoint endpoint, uint32 origin, address verifier) external {
        endpoint.setAppVerifier(origin, verifier);
    }

    /// @notice Accepts refunds.
    receive() external payable {}
}
