// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EndpointBase} from "./EndpointBase.sol";
import {EndpointInbox} from "./EndpointInbox.sol";

/**
 * @title Endpoint
 * @notice The Ferry endpoint (PROTOCOL.md): apps `send` through it and relayers `deliver` to it.
 * Split by concern, after LayerZero's EndpointV2:
 * - {EndpointBase}: local domain, owner (Ownable2Step), pause;
 * - {EndpointFees}: fee configs, quote, fee manager and collector;
 * - {EndpointVerifiers}: default and per-app verifiers;
 * - {EndpointOutbox}: outbound nonces, merkle tree, send;
 * - {EndpointAcks}: acks sent on final statuses, ack context;
 * - {EndpointExecutor}: handler calls with the gas rule and return-bomb safety;
 * - {EndpointInbox}: deliver, deliverBatch, retry, timeout, statuses.
 * Not upgradeable.
 */
contract Endpoint is EndpointInbox {
    /// @param localDomain_ This chain's Ferry domain.
    /// @param owner_ The owner.
    constructor(uint32 localDomain_, address owner_) EndpointBase(localDomain_, owner_) {}
}
