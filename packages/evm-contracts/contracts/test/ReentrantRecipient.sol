// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title ReentrantRecipient
 * @notice Test-only recipient whose handler calls back into the endpoint: `deliver` or `retry`
 * with a stored message and proof (which must revert), or `send` (which must work). Reverts
 * bubble up unchanged.
 */
contract ReentrantRecipient is IFerryReceiver {
    /// @notice What the handler does.
    enum Mode {
        None,
        Deliver,
        Retry,
        Send
    }

    /// @notice The endpoint called back.
    IEndpoint public immutable endpoint;
    /// @notice What the handler does.
    Mode public mode;
    /// @notice The message to re-enter with.
    bytes public message;
    /// @notice The proof to re-enter with.
    bytes public proof;
    /// @notice Handler calls that got as far as the callback.
    uint256 public handled;
    /// @notice The id of the last message sent from the handler.
    bytes32 public lastSentId;

    /// @param endpoint_ The endpoint to call back.
    constructor(IEndpoint endpoint_) {
        endpoint = endpoint_;
    }

    /// @notice Sets the mode and the message and proof to re-enter with.
    function arm(Mode mode_, bytes calldata message_, bytes calldata proof_) external {
        mode = mode_;
        message = message_;
        proof = proof_;
    }

    /// @inheritdoc IFerryReceiver
    function handle(uint32 origin, bytes32 sender, uint64, bytes calldata) external {
        ++handled;
        if (mode == Mode.Deliver) {
            endpoint.deliver(message, proof);
        } else if (mode == Mode.Retry) {
            endpoint.retry(message, 50_000);
        } else if (mode == Mode.Send) {
            // Reply to the sender with an empty body; the fee comes from this contract's balance.
            uint256 fee = endpoint.quote(origin, 0, 50_000, 0);
            // IEndpoint.send, not address.send: its failures revert.
            // solhint-disable-next-line check-send-result
            (lastSentId, ) = endpoint.send{value: fee}(origin, sender, "", 50_000, 0, 0);
        }
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32, uint8, bytes calldata) external {}

    /// @notice Accepts funding for fees.
    receive() external payable {}
}
