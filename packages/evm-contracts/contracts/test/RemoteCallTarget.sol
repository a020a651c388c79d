// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title RemoteCallTarget
 * @notice Test-only target of remote calls: a counter, balances to read, value received per
 * sender, a switchable failure, a raw revert, a large return, and `forward` to re-enter any
 * contract (the router, an account, the endpoint) from inside a batch.
 */
contract RemoteCallTarget {
    uint256 private _count;
    bool private _failing;
    mapping(address account => uint256) private _balances;
    mapping(address sender => uint256) private _received;

    /// @notice `maybeFail` was called while failing.
    /// @param x Its argument.
    error RemoteCallTargetFailing(uint256 x);

    /// @notice Adds `by` to the counter and returns it.
    function increment(uint256 by) external returns (uint256) {
        _count += by;
        return _count;
    }

    /// @notice The counter.
    function count() external view returns (uint256) {
        return _count;
    }

    /// @notice Records the value received from the caller and returns it.
    function deposit() external payable returns (uint256) {
        _received[msg.sender] += msg.value;
        return msg.value;
    }

    /// @notice Value received from `sender` so far.
    function received(address sender) external view returns (uint256) {
        return _received[sender];
    }

    /// @notice Sets a balance to read.
    function setBalance(address account, uint256 amount) external {
        _balances[account] = amount;
    }

    /// @notice A balance.
    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    /// @notice Makes `maybeFail` revert, or not.
    function setFailing(bool failing) external {
        _failing = failing;
    }

    /// @notice Reverts with {RemoteCallTargetFailing} while failing; else adds `x` to the counter.
    function maybeFail(uint256 x) external returns (uint256) {
        if (_failing) revert RemoteCallTargetFailing(x);
        _count += x;
        return _count;
    }

    /// @notice Reverts with `data` as is.
    function revertWith(bytes calldata data) external pure {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, data.offset, data.length)
            revert(ptr, data.length)
        }
    }

    /// @notice Returns `n` bytes.
    function big(uint256 n) external pure returns (bytes memory) {
        return new bytes(n);
    }

    /// @notice The native balance of `account`.
    function nativeBalance(address account) external view returns (uint256) {
        return account.balance;
    }

    /// @notice Calls `target` with `data`; bubbles its revert.
    function forward(address target, bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        return ret;
    }
}
