// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {BridgedToken} from "./BridgedToken.sol";
import {TokenBridge} from "./TokenBridge.sol";

/**
 * @title SyntheticTokenBridge
 * @notice A mint bridge (spec/apps/token-bridge.md): it deploys a {BridgedToken} that only it
 * mints and burns. A transfer in mints and counts the amount as collateral locked on the origin
 * for this route; a transfer out burns and is refused beyond the collateral locked on the
 * destination, so that the release there is always covered.
 */
contract SyntheticTokenBridge is TokenBridge {
    /// @notice The token this bridge issues.
    BridgedToken public immutable token;

    /**
     * @param endpoint_ The endpoint.
     * @param owner_ Sets routes, peers and the guardian.
     * @param name_ The token's name.
     * @param symbol_ The token's symbol.
     * @param decimals_ The token's decimals.
     */
    constructor(
        IEndpoint endpoint_,
        address owner_,
        string memory name_,
        string memory symbol_,
        uint8 decimals_
    ) TokenBridge(endpoint_, owner_, decimals_) {
        token = new BridgedToken(name_, symbol_, decimals_, address(this));
    }

    /// @dev Burns, within the collateral locked on the destination for this route.
    function _debit(address from, uint32 destination, uint256 amount) internal override {
        _removeCollateral(destination, amount);
        token.burn(from, amount);
    }

    /// @dev Mints, counting the amount as collateral locked on the origin.
    function _credit(address to, uint32 origin, uint256 amount) internal override {
        _addCollateral(origin, amount);
        token.mint(to, amount);
    }
}
