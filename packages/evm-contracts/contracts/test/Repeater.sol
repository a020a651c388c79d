// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title Repeater
 * @notice Bench-only: makes the same call many times in one transaction, so that the gas bench
 * can fill an endpoint's (or a Hyperlane mailbox's) merkle tree with tens of thousands of real
 * messages cheaply, through the real send path.
 */
contract Repeater {
    /// @notice A repeated call reverted.
    /// @param index Which repetition (from 0).
    /// @param reason Its revert data.
    error RepeaterCallFailed(uint256 index, bytes reason);

    /// @notice `msg.value` is not `value × times`.
    /// @param expected `value × times`.
    /// @param actual `msg.value`.
    error RepeaterWrongValue(uint256 expected, uint256 actual);

    /**
     * @notice Calls `target` with `data` and `value` wei, `times` times.
     * @param target The contract to call.
     * @param data The calldata of every call.
     * @param value The value of every call; `msg.value` must be `value × times`.
     * @param times How many calls.
     */
    function repeat(
        address target,
        bytes calldata data,
        uint256 value,
        uint256 times
    ) external payable {
        if (msg.value != value * times) revert RepeaterWrongValue(value * times, msg.value);
        for (uint256 i; i < times; ++i) {
            (bool ok, bytes memory reason) = target.call{value: value}(data);
            if (!ok) revert RepeaterCallFailed(i, reason);
        }
    }

    /// @notice Accepts refunds of overpaid fees.
    receive() external payable {}
}
