// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {TokenBridge} from "./TokenBridge.sol";

/**
 * @title CollateralTokenBridge
 * @notice A lock bridge for an existing ERC-20 (spec/apps/token-bridge.md): a transfer out locks
 * the sent amount here, counted as the route's collateral; a transfer in releases from that
 * route's collateral only, so a route can never release what another route locked. Tokens that
 * take a fee on transfer or rebase are not supported.
 */
contract CollateralTokenBridge is TokenBridge {
    using SafeERC20 for IERC20;

    /// @notice The token locked here.
    IERC20 public immutable token;

    /**
     * @param endpoint_ The endpoint.
     * @param owner_ Sets routes, peers and the guardian.
     * @param token_ The token (its `decimals()` are read once).
     */
    constructor(
        IEndpoint endpoint_,
        address owner_,
        IERC20Metadata token_
    ) TokenBridge(endpoint_, owner_, token_.decimals()) {
        token = token_;
    }

    /// @dev Locks: the sender must have approved this bridge.
    function _debit(address from, uint32 destination, uint256 amount) internal override {
        _addCollateral(destination, amount);
        token.safeTransferFrom(from, address(this), amount);
    }

    /// @dev Releases from the origin route's collateral.
    function _credit(address to, uint32 origin, uint256 amount) internal override {
        _removeCollateral(origin, amount);
        token.safeTransfer(to, amount);
    }
}
