// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {InterchainAccountRouter} from "../ica/InterchainAccountRouter.sol";
import {InterchainCaller} from "../ica/InterchainCaller.sol";
import {RemoteCallCodec} from "../libs/RemoteCallCodec.sol";

/**
 * @title RemoteCallerApp
 * @notice Test-only contract owner of remote calls: sends through the router and records the
 * results it is called back with; its callback can be made to revert or to burn all its gas.
 */
contract RemoteCallerApp is InterchainCaller {
    /// @notice What the callback does.
    enum Mode {
        Record,
        Revert,
        BurnGas
    }

    Mode private _mode;
    uint256 private _callbacks;
    bytes32 private _lastId;
    bool private _lastOk;
    bytes[] private _lastResults;

    /// @notice The callback was told to refuse.
    /// @param id The message id.
    error RemoteCallerAppRefused(bytes32 id);

    /// @param router_ The router.
    constructor(InterchainAccountRouter router_) InterchainCaller(router_) {}

    /// @notice Sets what the callback does.
    function setMode(Mode mode) external {
        _mode = mode;
    }

    /// @notice Sends a call batch, paying `msg.value`.
    function send(
        uint32 destination,
        RemoteCallCodec.Call[] calldata calls,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32) {
        return _callRemote(destination, calls, gasLimit, ackGasLimit, deadline, msg.value);
    }

    /// @notice Sends a read batch, paying `msg.value`.
    function read(
        uint32 destination,
        RemoteCallCodec.Call[] calldata calls,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32) {
        return _readRemote(destination, calls, gasLimit, ackGasLimit, deadline, msg.value);
    }

    /// @notice The fee of `send` (or `read`) with these calls.
    function quote(
        uint32 destination,
        RemoteCallCodec.Call[] calldata calls,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) external view returns (uint256) {
        return _quoteCallRemote(destination, calls, gasLimit, ackGasLimit);
    }

    /// @notice Callbacks received and the last one.
    function last()
        external
        view
        returns (uint256 callbacks, bytes32 id, bool ok, bytes[] memory results)
    {
        return (_callbacks, _lastId, _lastOk, _lastResults);
    }

    /// @notice Receives refunds.
    receive() external payable {}

    function _onRemoteResult(bytes32 id, bool ok, bytes[] calldata results) internal override {
        if (_mode == Mode.Revert) revert RemoteCallerAppRefused(id);
        if (_mode == Mode.BurnGas) {
            while (gasleft() > 0) _callbacks += 0;
        }
        ++_callbacks;
        _lastId = id;
        _lastOk = ok;
        delete _lastResults;
        for (uint256 i; i < results.length; ++i) _lastResults.push(results[i]);
    }
}
