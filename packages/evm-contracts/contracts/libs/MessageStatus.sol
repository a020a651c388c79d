// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title MessageStatus
 * @notice Delivery statuses (PROTOCOL.md §7). Executed and TimedOut are final; Failed is not.
 */
library MessageStatus {
    /// @notice Not delivered.
    uint8 internal constant NONE = 0;
    /// @notice The handler ran and returned.
    uint8 internal constant EXECUTED = 1;
    /// @notice The handler reverted (or there was no handler to call); retryable.
    uint8 internal constant FAILED = 2;
    /// @notice The deadline passed before the handler succeeded; never executed.
    uint8 internal constant TIMED_OUT = 3;
}
