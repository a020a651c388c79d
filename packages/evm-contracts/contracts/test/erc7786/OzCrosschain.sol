// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCrosschain} from "@openzeppelin/contracts/governance/extensions/GovernorCrosschain.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {CrosschainLinked} from "@openzeppelin/contracts/crosschain/CrosschainLinked.sol";
import {BridgeERC20} from "@openzeppelin/contracts/crosschain/bridges/BridgeERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Crosschain} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Crosschain.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

// Concrete versions of OpenZeppelin's abstract crosschain contracts, for tests: constructors
// only, nothing of their behaviour overridden (the published code is what runs).

/// @title OzBridgeERC20
/// @notice OpenZeppelin's `BridgeERC20` (lock and release custody of `token`), as published.
contract OzBridgeERC20 is BridgeERC20 {
    /// @param token_ The token locked here.
    /// @param links The gateway and counterpart per remote chain.
    constructor(
        IERC20 token_,
        CrosschainLinked.Link[] memory links
    ) CrosschainLinked(links) BridgeERC20(token_) {}
}

/// @title OzERC20Crosschain
/// @notice OpenZeppelin's `ERC20Crosschain` (burn and mint), as published.
contract OzERC20Crosschain is ERC20Crosschain {
    /// @param links The gateway and counterpart per remote chain.
    constructor(
        CrosschainLinked.Link[] memory links
    ) ERC20("Crosschain Token", "XCT") CrosschainLinked(links) {}
}

/// @title OzTestToken
/// @notice A plain ERC-20 anyone can mint, the token `OzBridgeERC20` locks.
contract OzTestToken is ERC20 {
    constructor() ERC20("Test Token", "TT") {}

    /// @notice Mints `amount` to `to`.
    /// @param to The receiver.
    /// @param amount The amount.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @title OzVotesToken
/// @notice An ERC20Votes token anyone can mint, for the governor.
contract OzVotesToken is ERC20, ERC20Permit, ERC20Votes {
    constructor() ERC20("Votes", "VOTE") ERC20Permit("Votes") {}

    /// @notice Mints `amount` to `to`.
    /// @param to The receiver.
    /// @param amount The amount.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}

/// @title OzGovernorCrosschain
/// @notice OpenZeppelin's `GovernorCrosschain` on a simple-counting, token-voting governor
/// (voting delay 1 block, period 5 blocks, quorum 4%).
contract OzGovernorCrosschain is
    GovernorCountingSimple,
    GovernorVotesQuorumFraction,
    GovernorCrosschain
{
    /// @param token The votes token.
    constructor(
        IVotes token
    ) Governor("OzGovernorCrosschain") GovernorVotes(token) GovernorVotesQuorumFraction(4) {}

    /// @inheritdoc Governor
    function votingDelay() public pure override returns (uint256) {
        return 1;
    }

    /// @inheritdoc Governor
    function votingPeriod() public pure override returns (uint256) {
        return 5;
    }
}
