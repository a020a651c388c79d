// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IInterchainAccountFactory} from "../interfaces/IInterchainAccountFactory.sol";
import {InterchainAccount} from "./InterchainAccount.sol";

/**
 * @title InterchainAccountFactory
 * @notice Deploys interchain accounts and names the router they obey. It lives longer than any
 * router: an account's address is a CREATE2 clone address of this factory, with salt
 * `keccak256(abi.encodePacked(uint32 origin, bytes32 owner))`, so it is computable by anyone
 * before deployment and stays the same when the owner replaces the router.
 */
contract InterchainAccountFactory is IInterchainAccountFactory, Ownable {
    /// @inheritdoc IInterchainAccountFactory
    address public immutable implementation;

    address private _router;

    /// @notice The owner replaced the router; the previous one can no longer command accounts.
    /// @param previousRouter The router before.
    /// @param router The router now (zero: none).
    event RouterSet(address indexed previousRouter, address indexed router);

    /// @notice An account was deployed.
    /// @param origin The owner's domain.
    /// @param owner The owner, as bytes32.
    /// @param account The account.
    event AccountDeployed(uint32 indexed origin, bytes32 indexed owner, address account);

    /// @param owner_ Who sets the router.
    constructor(address owner_) Ownable(owner_) {
        implementation = address(new InterchainAccount());
    }

    /**
     * @notice Names the router every account obeys from now on. Only the owner.
     * @param router_ The new router (zero: none).
     */
    function setRouter(address router_) external onlyOwner {
        address previous = _router;
        _router = router_;
        emit RouterSet(previous, router_);
    }

    /// @inheritdoc IInterchainAccountFactory
    function router() external view returns (address) {
        return _router;
    }

    /// @inheritdoc IInterchainAccountFactory
    function accountAddress(uint32 origin, bytes32 owner) public view returns (address) {
        return Clones.predictDeterministicAddress(implementation, accountSalt(origin, owner));
    }

    /**
     * @notice The CREATE2 salt of the account of `owner` on `origin`.
     * @param origin The owner's domain.
     * @param owner The owner, as bytes32.
     */
    function accountSalt(uint32 origin, bytes32 owner) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(origin, owner));
    }

    /// @inheritdoc IInterchainAccountFactory
    function deployAccount(uint32 origin, bytes32 owner) external returns (address account) {
        account = accountAddress(origin, owner);
        if (account.code.length == 0) {
            Clones.cloneDeterministic(implementation, accountSalt(origin, owner));
            emit AccountDeployed(origin, owner, account);
        }
    }
}
