// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @title BridgedToken
 * @notice The ERC-20 a mint bridge ({SyntheticTokenBridge}) issues for a token locked on other
 * chains: only its bridge mints and burns.
 */
contract BridgedToken is ERC20 {
    /// @notice The bridge, the only minter and burner.
    address public immutable bridge;
    uint8 private immutable _decimals;

    /// @notice Someone other than the bridge minted or burned.
    /// @param caller The caller.
    error BridgedTokenNotBridge(address caller);

    /**
     * @param name_ The name.
     * @param symbol_ The symbol.
     * @param decimals_ The decimals.
     * @param bridge_ The bridge.
     */
    constructor(
        string memory name_,
        string memory symbol_,
        uint8 decimals_,
        address bridge_
    ) ERC20(name_, symbol_) {
        _decimals = decimals_;
        bridge = bridge_;
    }

    /// @inheritdoc ERC20
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` to `to`. Only the bridge.
    /// @param to The receiver.
    /// @param amount The amount.
    function mint(address to, uint256 amount) external {
        if (msg.sender != bridge) revert BridgedTokenNotBridge(msg.sender);
        _mint(to, amount);
    }

    /// @notice Burns `amount` of `from`'s tokens. Only the bridge, for `from`'s own transfer.
    /// @param from The holder.
    /// @param amount The amount.
    function burn(address from, uint256 amount) external {
        if (msg.sender != bridge) revert BridgedTokenNotBridge(msg.sender);
        _burn(from, amount);
    }
}
