// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {EndpointAcks} from "./EndpointAcks.sol";

/**
 * @title EndpointExecutor
 * @notice Calls a recipient's handler (PROTOCOL.md §7.4, §10) with exactly a given `gasLimit`
 * (the message's at delivery, the caller's at a retry), and keeps at most 1,024 bytes of what it
 * returns or reverts with.
 *
 * Gas rule: before the call, `gasleft()` must cover `gasLimit + gasLimit / 63 + CALL_RESERVE`.
 * Under EIP-150 a call gets at most 63/64 of the gas left after the CALL's own cost; with
 * `G ≥ gasLimit + ⌊gasLimit / 63⌋ + 1` left at the CALL, `G − ⌊G / 64⌋ ≥ gasLimit`, so the handler
 * receives its whole `gasLimit`. {CALL_RESERVE} covers the CALL's cold account access (2,600)
 * and the opcodes between the check and the call. Otherwise the transaction reverts with
 * `EndpointInsufficientGas` and the message stays undelivered: a relayer cannot make a handler
 * fail by starving it. The code after the call needs no reserve: if it runs out of gas the
 * whole transaction reverts too.
 */
abstract contract EndpointExecutor is EndpointAcks {
    using MessageCodec for bytes;
    using MessageCodec for bytes32;

    /// @notice Gas kept above `gasLimit + gasLimit / 63` at the check before a handler call.
    uint256 public constant CALL_RESERVE = 3_000;
    /// @notice Most bytes of return or revert data kept (PROTOCOL.md §7.4).
    uint256 public constant MAX_RESULT_LENGTH = 1_024;

    /**
     * @dev Calls the handler of `message`: `handleAck` for an ack, else `handle`. A recipient
     * that is not an EVM address, has no code, or is this endpoint is not called and counts as
     * Failed with an empty result, so a message can never make the endpoint call itself.
     * @param gasLimit The gas the handler gets (see the contract NatSpec).
     * @return ok Whether the handler returned.
     * @return result Its return or revert data, cut to {MAX_RESULT_LENGTH} bytes.
     */
    function _execute(
        bytes calldata message,
        uint32 gasLimit
    ) internal returns (bool ok, bytes memory result) {
        (bool isAddress, address target) = message.recipient().toAddress();
        if (!isAddress || target == address(this) || target.code.length == 0) {
            return (false, result);
        }
        bytes calldata body = message.body();
        if (message.isAck()) {
            (bytes32 originalId, uint8 status, bytes calldata ackResult) = body.decodeAckBody();
            _setAckContext(message.origin(), message.sender());
            (ok, result) = _callHandler(
                target,
                abi.encodeCall(IFerryReceiver.handleAck, (originalId, status, ackResult)),
                gasLimit
            );
            _clearAckContext();
        } else {
            (ok, result) = _callHandler(
                target,
                abi.encodeCall(
                    IFerryReceiver.handle,
                    (message.origin(), message.sender(), message.nonce(), body)
                ),
                gasLimit
            );
        }
    }

    /// @dev Calls `target` with `data` and exactly `gasLimit` gas (see the contract NatSpec);
    /// copies at most {MAX_RESULT_LENGTH} bytes of return data, so a return bomb costs nothing.
    function _callHandler(
        address target,
        bytes memory data,
        uint256 gasLimit
    ) private returns (bool ok, bytes memory result) {
        uint256 required;
        // Safe: every caller passes a uint32 gasLimit, so the sum is far below 2^256.
        unchecked {
            required = gasLimit + gasLimit / 63 + CALL_RESERVE;
        }
        uint256 available = gasleft();
        if (available < required) revert EndpointInsufficientGas(required, available);
        assembly ("memory-safe") {
            ok := call(gasLimit, target, 0, add(data, 0x20), mload(data), 0, 0)
            let size := returndatasize()
            if gt(size, MAX_RESULT_LENGTH) {
                size := MAX_RESULT_LENGTH
            }
            result := mload(0x40)
            mstore(result, size)
            returndatacopy(add(result, 0x20), 0, size)
            mstore(0x40, add(add(result, 0x20), and(add(size, 0x1f), not(0x1f))))
        }
    }
}
