// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IInterchainAccountFactory
 * @notice The long-lived deployer of interchain accounts: one account per (origin domain, owner),
 * a CREATE2 clone whose address depends on neither the router nor the verifier.
 */
interface IInterchainAccountFactory {
    /// @notice The router that may command the accounts: the only caller they obey.
    function router() external view returns (address);

    /// @notice The implementation every account is a clone of.
    function implementation() external view returns (address);

    /**
     * @notice The account of `owner` on `origin`, deployed or not.
     * @param origin The owner's domain.
     * @param owner The owner, as bytes32 (PROTOCOL §2).
     */
    function accountAddress(uint32 origin, bytes32 owner) external view returns (address);

    /**
     * @notice Deploys the account of `owner` on `origin` if it has no code yet; anyone may.
     * @param origin The owner's domain.
     * @param owner The owner, as bytes32.
     * @return account The account.
     */
    function deployAccount(uint32 origin, bytes32 owner) external returns (address account);
}
