// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {HashedTimelock} from "../htlc/HashedTimelock.sol";

/**
 * @title HtlcReentrantRecipient
 * @notice Test-only: a lock recipient that, when paid, claims the same lock again; its receive
 * bubbles the guard's revert up, so the payment fails.
 */
contract HtlcReentrantRecipient {
    HashedTimelock private immutable _htlc;
    bytes32 private _id;
    bytes32 private _preimage;

    constructor(HashedTimelock htlc) {
        _htlc = htlc;
    }

    /// @notice The lock to re-claim when paid.
    function target(bytes32 id, bytes32 preimage) external {
        _id = id;
        _preimage = preimage;
    }

    receive() external payable {
        _htlc.claim(_id, abi.encodePacked(_preimage));
    }
}
