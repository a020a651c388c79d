// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IInterchainAccountFactory} from "../interfaces/IInterchainAccountFactory.sol";
import {IInterchainAccountRouterErrors} from "../interfaces/IInterchainAccountRouterErrors.sol";
import {RemoteCallCodec} from "../libs/RemoteCallCodec.sol";

/**
 * @title InterchainAccount
 * @notice The account of one owner on one origin domain, on this chain: an EIP-1167 clone of
 * this implementation deployed by {InterchainAccountFactory}. It obeys only the factory's
 * current router, which commands it with the batches the owner sends from its origin. It holds
 * native value (send it before first use; it is the source of every call's `value`) and makes
 * calls as itself. It has no storage and no initializer.
 */
contract InterchainAccount is IInterchainAccountRouterErrors {
    /// @notice Longest revert reason kept in {InterchainAccountRouterCallFailed}: with the
    /// selector, index, offset and length words the error fits a 1,024-byte message result.
    uint256 public constant MAX_REASON_LENGTH = 896;

    /// @dev The factory that deployed this implementation; clones share it (it is in the code).
    IInterchainAccountFactory private immutable _factory;

    /**
     * @notice The caller is not the factory's current router.
     * @param caller The caller.
     */
    error InterchainAccountNotRouter(address caller);

    /// @dev Deployed by the factory, which is then every clone's factory.
    constructor() {
        _factory = IInterchainAccountFactory(msg.sender);
    }

    /// @notice Receives native value, also before the account is deployed (it is an address).
    receive() external payable {}

    /// @notice The factory whose router this account obeys.
    function factory() external view returns (address) {
        return address(_factory);
    }

    /**
     * @notice Makes `calls` in order, each with its value from this account's balance; reverts
     * with {InterchainAccountRouterCallFailed} at the first that reverts, so nothing of the batch
     * sticks. Only the factory's current router.
     * @param calls The batch.
     * @return results Each call's return data.
     */
    function execute(
        RemoteCallCodec.Call[] calldata calls
    ) external returns (bytes[] memory results) {
        if (msg.sender != _factory.router()) revert InterchainAccountNotRouter(msg.sender);
        uint256 count = calls.length;
        results = new bytes[](count);
        for (uint256 i; i < count; ++i) {
            RemoteCallCodec.Call calldata call = calls[i];
            (bool isAddress, address target) = RemoteCallCodec.toAddress(call.target);
            if (!isAddress) revert InterchainAccountRouterInvalidTarget(i, call.target);
            (bool ok, bytes memory data) = target.call{value: call.value}(call.data);
            if (!ok) revert InterchainAccountRouterCallFailed(i, _cut(data));
            results[i] = data;
        }
    }

    /// @dev `data` cut to {MAX_REASON_LENGTH} bytes, in place.
    function _cut(bytes memory data) private pure returns (bytes memory) {
        if (data.length > MAX_REASON_LENGTH) {
            assembly ("memory-safe") {
                mstore(data, MAX_REASON_LENGTH)
            }
        }
        return data;
    }
}
