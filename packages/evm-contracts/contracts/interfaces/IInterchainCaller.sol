// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IInterchainCaller
 * @notice A contract that sends remote calls through the interchain-account router and gets
 * their results back in a callback. The router calls it on the ack only if it answers `true`
 * to ERC-165 `supportsInterface(type(IInterchainCaller).interfaceId)` when it sends.
 */
interface IInterchainCaller {
    /**
     * @notice The results of a remote batch this contract sent. Only the router may call it.
     * @param id The message id `callRemote` returned.
     * @param ok True when the batch was Executed; false when it TimedOut.
     * @param results Executed: each call's return data, in order. TimedOut: one element, the
     * batch's last revert data (empty if it never ran).
     */
    function onRemoteResult(bytes32 id, bool ok, bytes[] calldata results) external;
}
