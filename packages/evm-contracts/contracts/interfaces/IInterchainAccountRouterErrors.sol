// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IInterchainAccountRouterErrors
 * @notice Errors of a batch on the destination, shared by the router and the accounts it
 * commands: the account raises {InterchainAccountRouterCallFailed} itself, and the router lets
 * it through unchanged, so it is the message's Failed result (spec/apps/interchain-accounts.md).
 */
interface IInterchainAccountRouterErrors {
    /**
     * @notice A call of the batch reverted; nothing of the batch sticks.
     * @param index The call's position in the batch, from 0.
     * @param reason Its revert data, cut to 896 bytes so that the error fits a message result.
     */
    error InterchainAccountRouterCallFailed(uint256 index, bytes reason);

    /**
     * @notice A call's target is not an EVM address (its 12 high bytes are not zero).
     * @param index The call's position in the batch.
     * @param target The target.
     */
    error InterchainAccountRouterInvalidTarget(uint256 index, bytes32 target);
}
