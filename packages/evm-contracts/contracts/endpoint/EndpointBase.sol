// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";

/**
 * @title EndpointBase
 * @notice What every part of the endpoint shares: the local domain, the owner (two-step
 * transfer) and the pause switch, which blocks send, deliver, deliverBatch, retry and timeout.
 */
abstract contract EndpointBase is IEndpoint, Ownable2Step, Pausable {
    uint32 private immutable _localDomain;

    /// @param localDomain_ This chain's Ferry domain.
    /// @param owner_ The owner (sets verifiers, fee roles, pauses).
    constructor(uint32 localDomain_, address owner_) Ownable(owner_) {
        _localDomain = localDomain_;
    }

    /// @inheritdoc IEndpoint
    function localDomain() public view returns (uint32) {
        return _localDomain;
    }

    /// @notice Pauses sending and delivery. Only the owner.
    function pause() external onlyOwner {
        _pause();
    }

    /// @notice Resumes sending and delivery. Only the owner.
    function unpause() external onlyOwner {
        _unpause();
    }
}
