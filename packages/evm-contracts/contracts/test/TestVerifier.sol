// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IVerifier} from "../interfaces/IVerifier.sol";

/**
 * @title TestVerifier
 * @notice Test-only verifier that accepts or rejects (returns false) every proof, as set.
 */
contract TestVerifier is IVerifier {
    /// @notice What verify returns.
    bool public accept = true;

    /// @notice Sets what {verify} returns.
    /// @param accept_ The answer.
    function setAccept(bool accept_) external {
        accept = accept_;
    }

    /// @inheritdoc IVerifier
    function verify(bytes calldata, bytes calldata) external view returns (bool) {
        return accept;
    }
}
