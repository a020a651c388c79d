// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title FaultyRecipient
 * @notice Test-only recipient whose handler fails the way its message's body asks, one way per
 * verdict of the replay debugger: `abi.encode(Fault fault, uint256 arg)`.
 */
contract FaultyRecipient is IFerryReceiver {
    /// @notice How {handle} ends.
    enum Fault {
        None,
        ErrorString,
        Panic,
        CustomError,
        Work,
        Nested
    }

    /// @notice Running total of {Fault.Work}'s hashing, kept so the loop is not optimised away.
    bytes32 public sink;

    /// @notice The handler refused the message ({Fault.CustomError}).
    /// @param nonce The message's nonce.
    /// @param code The body's `arg`.
    error FaultyRecipientRefused(uint64 nonce, uint256 code);

    /// @inheritdoc IFerryReceiver
    /// @dev None returns; ErrorString reverts with `Error("FaultyRecipient: refused")`; Panic
    /// divides by `arg` (0: Panic(0x12)); CustomError reverts with {FaultyRecipientRefused};
    /// Work hashes `arg` times (out of gas for a large `arg`); Nested makes a call to
    /// {refuse} that reverts one frame deeper.
    function handle(uint32, bytes32, uint64 nonce, bytes calldata body) external {
        (Fault fault, uint256 arg) = abi.decode(body, (Fault, uint256));
        // The fixture of an Error(string) revert, which only a string revert makes.
        // solhint-disable-next-line gas-custom-errors
        if (fault == Fault.ErrorString) revert("FaultyRecipient: refused");
        if (fault == Fault.Panic) sink = bytes32(uint256(1) / arg);
        if (fault == Fault.CustomError) revert FaultyRecipientRefused(nonce, arg);
        if (fault == Fault.Work) {
            bytes32 value = sink;
            for (uint256 i; i < arg; ++i) value = keccak256(abi.encode(value, i));
            sink = value;
        }
        if (fault == Fault.Nested) this.refuse(nonce, arg);
    }

    /// @notice Reverts with {FaultyRecipientRefused}: the inner frame of {Fault.Nested}.
    /// @param nonce The message's nonce.
    /// @param code The code to refuse with.
    function refuse(uint64 nonce, uint256 code) external pure {
        revert FaultyRecipientRefused(nonce, code);
    }

    /// @inheritdoc IFerryReceiver
    function handleAck(bytes32, uint8, bytes calldata) external {}
}
