// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IFerryReceiver
 * @notice What an app implements to receive messages and acks from the Ferry endpoint
 * (PROTOCOL.md §10). Both are called only by the endpoint, with exactly the message's `gasLimit`.
 *
 * The endpoint records the RAW return data of the call (at most 1,024 bytes) as the message's
 * `result`: it is emitted in `MessageDelivered` and, when the sender asked for an ack, carried
 * back to the sender in the ack. A handler declared `returns (bytes memory)` in Solidity would
 * therefore yield the ABI encoding of its value (offset, length, data); `EndpointApp` instead
 * returns its `_handle` result raw with assembly, so the ack's result is exactly those bytes.
 * Revert data is recorded the same way (at most 1,024 bytes), and a revert makes the message
 * Failed (retryable); the return value of `handleAck` is ignored.
 */
interface IFerryReceiver {
    /**
     * @notice Handles a message.
     * @dev Any return data is the message's result (see the contract NatSpec).
     * @param origin The origin domain.
     * @param sender The sending app on the origin, as bytes32 (PROTOCOL.md §2).
     * @param nonce The message's position in its channel, from 1.
     * @param body The app bytes.
     */
    function handle(uint32 origin, bytes32 sender, uint64 nonce, bytes calldata body) external;

    /**
     * @notice Handles the ack of a message this app sent with an ack request.
     * @dev The ack's origin and sender (the original destination and recipient) are available
     * from `IEndpoint.ackContext()` during this call.
     * @param originalId The id of the acknowledged message.
     * @param status Its final status: 1 Executed or 3 TimedOut.
     * @param result Its handler's return data (Executed) or last revert data, if any (TimedOut).
     */
    function handleAck(bytes32 originalId, uint8 status, bytes calldata result) external;
}
