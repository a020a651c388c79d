// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {IInterchainCaller} from "../interfaces/IInterchainCaller.sol";
import {RemoteCallCodec} from "../libs/RemoteCallCodec.sol";
import {InterchainAccountRouter} from "./InterchainAccountRouter.sol";

/**
 * @title InterchainCaller
 * @notice Base of a contract that makes remote calls and receives their results: send with
 * {_callRemote} / {_readRemote} and an `ackGasLimit`, and override {_onRemoteResult}, which the
 * router calls on the ack, within that gas. Opting in is inheriting this contract (it answers
 * ERC-165 for {IInterchainCaller}).
 */
abstract contract InterchainCaller is IInterchainCaller, ERC165 {
    InterchainAccountRouter private _router;

    /// @notice The router this contract sends through and accepts results from changed.
    /// @param router The router.
    event InterchainRouterSet(address router);

    /// @notice {onRemoteResult} was called by someone other than the router.
    /// @param caller The caller.
    error InterchainCallerNotRouter(address caller);

    /// @param router_ The interchain-account router on this chain.
    constructor(InterchainAccountRouter router_) {
        _setInterchainRouter(router_);
    }

    /// @inheritdoc IInterchainCaller
    function onRemoteResult(bytes32 id, bool ok, bytes[] calldata results) external {
        if (msg.sender != address(_router)) revert InterchainCallerNotRouter(msg.sender);
        _onRemoteResult(id, ok, results);
    }

    /// @notice The router this contract sends through.
    function interchainRouter() public view returns (address) {
        return address(_router);
    }

    /// @inheritdoc ERC165
    function supportsInterface(bytes4 interfaceId) public view virtual override returns (bool) {
        return
            interfaceId == type(IInterchainCaller).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    /**
     * @dev Receives the results of a batch this contract sent with an ack gas limit.
     * @param id The message id.
     * @param ok True when Executed; false when TimedOut.
     * @param results Executed: each call's return data. TimedOut: one element, the last revert
     * data.
     */
    function _onRemoteResult(bytes32 id, bool ok, bytes[] calldata results) internal virtual;

    /// @dev Replaces the router (expose it behind your own access control, if at all).
    function _setInterchainRouter(InterchainAccountRouter router_) internal {
        _router = router_;
        emit InterchainRouterSet(address(router_));
    }

    /// @dev Sends `calls` through the router, paying `fee` from this contract's balance. Pay the
    /// quote ({_quoteCallRemote}): any excess is refunded to this contract, which must accept it.
    function _callRemote(
        uint32 destination,
        RemoteCallCodec.Call[] memory calls,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline,
        uint256 fee
    ) internal returns (bytes32 id) {
        return _router.callRemote{value: fee}(destination, calls, gasLimit, ackGasLimit, deadline);
    }

    /// @dev Sends `calls` as reads through the router, paying `fee` from this balance.
    function _readRemote(
        uint32 destination,
        RemoteCallCodec.Call[] memory calls,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline,
        uint256 fee
    ) internal returns (bytes32 id) {
        return _router.readRemote{value: fee}(destination, calls, gasLimit, ackGasLimit, deadline);
    }

    /// @dev The fee of {_callRemote} (or {_readRemote}) with `calls`.
    function _quoteCallRemote(
        uint32 destination,
        RemoteCallCodec.Call[] memory calls,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) internal view returns (uint256) {
        return _router.quoteCallRemote(destination, calls, gasLimit, ackGasLimit);
    }
}
