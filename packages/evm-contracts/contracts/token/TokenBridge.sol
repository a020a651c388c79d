// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EndpointApp} from "../app/EndpointApp.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {RateLimit} from "../libs/RateLimit.sol";
import {TokenBridgeCodec} from "../libs/TokenBridgeCodec.sol";

/**
 * @title TokenBridge
 * @notice Base of Ferry's token bridges (spec/apps/token-bridge.md): one token per bridge, one
 * peer bridge per remote domain (a *route*), amounts scaled exactly between the two tokens'
 * decimals (the dust that does not scale stays with the sender), refilling rate limits per
 * route and direction, a guardian that can pause, and per-route collateral accounting so that a
 * route can never release more than was locked for it.
 *
 * A kind implements the two hooks: {_debit} takes the sent amount from the sender (lock or
 * burn) and {_credit} gives a received amount to its recipient (release or mint), each keeping
 * the route's collateral with {_addCollateral} / {_removeCollateral}.
 */
abstract contract TokenBridge is EndpointApp {
    using RateLimit for RateLimit.Bucket;
    using TokenBridgeCodec for bytes;

    /// @notice The largest amount a body may carry: a CosmWasm `Uint128`.
    uint256 public constant MAX_AMOUNT = type(uint128).max;
    /// @notice The largest difference of decimals between the two tokens of a route.
    uint8 public constant MAX_DECIMALS_GAP = 36;

    /**
     * @notice A route's configuration.
     * @param enabled Whether transfers go and come on this route.
     * @param remoteDecimals The remote token's decimals.
     * @param gasLimit The handler gas of a transfer's message to the remote bridge.
     */
    struct Route {
        bool enabled;
        uint8 remoteDecimals;
        uint32 gasLimit;
    }

    /// @notice Decimals of this chain's token.
    uint8 public immutable localDecimals;

    mapping(uint32 domain => Route) private _routes;
    mapping(uint32 domain => RateLimit.Bucket) private _outbound;
    mapping(uint32 domain => RateLimit.Bucket) private _inbound;
    mapping(uint32 domain => uint256) private _collateral;
    address private _guardian;
    bool private _paused;

    /// @notice The owner configured a route (and refilled its buckets).
    /// @param domain The remote domain.
    /// @param route The route.
    /// @param outboundCapacity Most that may leave at once, in local units.
    /// @param outboundRefillPerSecond What comes back per second.
    /// @param inboundCapacity Most that may arrive at once, in local units.
    /// @param inboundRefillPerSecond What comes back per second.
    event RouteSet(
        uint32 indexed domain,
        Route route,
        uint128 outboundCapacity,
        uint128 outboundRefillPerSecond,
        uint128 inboundCapacity,
        uint128 inboundRefillPerSecond
    );

    /// @notice The owner named the guardian.
    /// @param guardian The guardian (zero: none).
    event GuardianSet(address guardian);

    /// @notice The bridge was paused.
    /// @param by The guardian or owner.
    event BridgePaused(address by);

    /// @notice The bridge was unpaused.
    /// @param by The guardian or owner.
    event BridgeUnpaused(address by);

    /// @notice A transfer left.
    /// @param id The Ferry message id.
    /// @param destination The destination domain.
    /// @param sender The sender.
    /// @param recipient The recipient there, as bytes32.
    /// @param amount What was taken from the sender, in local units.
    /// @param amountReceived What arrives, in the remote token's units.
    event TransferSent(
        bytes32 indexed id,
        uint32 indexed destination,
        address indexed sender,
        bytes32 recipient,
        uint256 amount,
        uint256 amountReceived
    );

    /// @notice A transfer arrived.
    /// @param origin The origin domain.
    /// @param nonce The message's nonce.
    /// @param sender The sender there, as bytes32.
    /// @param recipient The recipient.
    /// @param amount The amount, in local units.
    event TransferReceived(
        uint32 indexed origin,
        uint64 nonce,
        bytes32 sender,
        address indexed recipient,
        uint256 amount
    );

    /// @notice No enabled route to or from `domain`.
    /// @param domain The domain.
    error TokenBridgeUnknownRoute(uint32 domain);

    /// @notice The bridge is paused.
    error TokenBridgePaused();

    /// @notice Only the guardian or the owner may pause and unpause.
    /// @param caller The caller.
    error TokenBridgeNotGuardian(address caller);

    /// @notice The amount scales to nothing on the destination.
    /// @param amount The amount asked for, in local units.
    error TokenBridgeZeroAmount(uint256 amount);

    /// @notice The amount is above {MAX_AMOUNT} in the destination's units.
    /// @param amount The scaled amount.
    /// @param max {MAX_AMOUNT}.
    error TokenBridgeAmountTooLarge(uint256 amount, uint256 max);

    /// @notice A route's rate limit does not let the amount pass now.
    /// @param domain The remote domain.
    /// @param outbound Whether the outbound bucket (else the inbound one).
    /// @param amount The amount, in local units.
    /// @param available What may pass now.
    error TokenBridgeRateLimited(uint32 domain, bool outbound, uint256 amount, uint256 available);

    /// @notice The route's collateral does not cover the amount.
    /// @param domain The remote domain.
    /// @param amount The amount, in local units.
    /// @param collateral The route's collateral.
    error TokenBridgeInsufficientCollateral(uint32 domain, uint256 amount, uint256 collateral);

    /// @notice The two tokens' decimals are more than {MAX_DECIMALS_GAP} apart.
    /// @param local This token's decimals.
    /// @param remote The remote token's.
    error TokenBridgeDecimalsTooFar(uint8 local, uint8 remote);

    /// @notice The recipient is zero.
    error TokenBridgeZeroRecipient();

    /// @notice A body that is not 97 bytes.
    /// @param length Its length.
    error TokenBridgeMalformedBody(uint256 length);

    /// @notice A body whose version is not 1.
    /// @param version The version.
    error TokenBridgeUnknownVersion(uint8 version);

    /// @notice The recipient on this chain is not an EVM address.
    /// @param recipient The recipient.
    error TokenBridgeNotEvmRecipient(bytes32 recipient);

    /// @notice The refund of an overpaid fee was refused.
    /// @param to The sender.
    /// @param amount The refund.
    error TokenBridgeRefundFailed(address to, uint256 amount);

    modifier whenNotPaused() {
        if (_paused) revert TokenBridgePaused();
        _;
    }

    modifier onlyGuardianOrOwner() {
        if (msg.sender != _guardian && msg.sender != owner()) {
            revert TokenBridgeNotGuardian(msg.sender);
        }
        _;
    }

    /**
     * @param endpoint_ The endpoint.
     * @param owner_ Sets routes, peers and the guardian.
     * @param localDecimals_ This chain's token's decimals.
     */
    constructor(
        IEndpoint endpoint_,
        address owner_,
        uint8 localDecimals_
    ) EndpointApp(endpoint_, owner_) {
        localDecimals = localDecimals_;
    }

    // ---------------------------------------------------------------- configuration

    /**
     * @notice Configures the route to `domain` and refills its buckets. Only the owner. Set the
     * peer with {setPeer}.
     * @param domain The remote domain.
     * @param route The route.
     * @param outboundCapacity Most that may leave at once, in local units.
     * @param outboundRefillPerSecond What comes back per second.
     * @param inboundCapacity Most that may arrive at once, in local units.
     * @param inboundRefillPerSecond What comes back per second.
     */
    function setRoute(
        uint32 domain,
        Route calldata route,
        uint128 outboundCapacity,
        uint128 outboundRefillPerSecond,
        uint128 inboundCapacity,
        uint128 inboundRefillPerSecond
    ) external onlyOwner {
        uint8 gap =
            route.remoteDecimals > localDecimals
                ? route.remoteDecimals - localDecimals
                : localDecimals - route.remoteDecimals;
        if (gap > MAX_DECIMALS_GAP) {
            revert TokenBridgeDecimalsTooFar(localDecimals, route.remoteDecimals);
        }
        _routes[domain] = route;
        _outbound[domain].configure(outboundCapacity, outboundRefillPerSecond);
        _inbound[domain].configure(inboundCapacity, inboundRefillPerSecond);
        emit RouteSet(
            domain,
            route,
            outboundCapacity,
            outboundRefillPerSecond,
            inboundCapacity,
            inboundRefillPerSecond
        );
    }

    /// @notice Names the guardian, who may pause and unpause. Only the owner.
    /// @param guardian_ The guardian (zero: none).
    function setGuardian(address guardian_) external onlyOwner {
        _guardian = guardian_;
        emit GuardianSet(guardian_);
    }

    /// @notice Stops transfers both ways: sends are refused, deliveries fail (retryable).
    function pause() external onlyGuardianOrOwner {
        _paused = true;
        emit BridgePaused(msg.sender);
    }

    /// @notice Lets transfers go again.
    function unpause() external onlyGuardianOrOwner {
        _paused = false;
        emit BridgeUnpaused(msg.sender);
    }

    // ---------------------------------------------------------------- views

    /// @notice The route to `domain`.
    /// @param domain The remote domain.
    function routeOf(uint32 domain) external view returns (Route memory) {
        return _routes[domain];
    }

    /// @notice The guardian.
    function guardian() external view returns (address) {
        return _guardian;
    }

    /// @notice Whether the bridge is paused.
    function paused() external view returns (bool) {
        return _paused;
    }

    /// @notice What may leave for `domain` now, in local units.
    /// @param domain The remote domain.
    function outboundAvailable(uint32 domain) public view returns (uint256) {
        return _outbound[domain].current();
    }

    /// @notice What may arrive from `domain` now, in local units.
    /// @param domain The remote domain.
    function inboundAvailable(uint32 domain) external view returns (uint256) {
        return _inbound[domain].current();
    }

    /**
     * @notice The route's collateral, in local units: for a lock bridge what is locked here for
     * `domain`; for a mint bridge what is locked on `domain` for the tokens minted here.
     * @param domain The remote domain.
     */
    function collateralOf(uint32 domain) external view returns (uint256) {
        return _collateral[domain];
    }

    /**
     * @notice What {transferRemote} of `amount` costs and delivers.
     * @param destination The destination domain.
     * @param amount The amount asked for, in local units.
     * @return fee The Ferry fee, in native token.
     * @return sent What is taken from the sender: `amount` without the dust.
     * @return amountReceived What arrives, in the remote token's units.
     * @return dust What stays with the sender (does not scale to a whole remote unit).
     * @return available What the outbound rate limit lets leave now.
     */
    function quoteTransfer(
        uint32 destination,
        uint256 amount
    )
        external
        view
        returns (uint256 fee, uint256 sent, uint256 amountReceived, uint256 dust, uint256 available)
    {
        Route memory route = _requireRoute(destination);
        (sent, amountReceived) = _scale(amount, route.remoteDecimals);
        dust = amount - sent;
        fee = _quote(destination, TokenBridgeCodec.BODY_LENGTH, route.gasLimit, 0);
        available = outboundAvailable(destination);
    }

    // ---------------------------------------------------------------- sending

    /**
     * @notice Sends `amount` (less the dust, which stays with the caller) to `recipient` on
     * `destination`. Pays the Ferry fee from `msg.value` ({quoteTransfer}) and refunds the excess.
     * Refused, with a named error, when paused, over the route's outbound rate limit, or (a mint
     * bridge) beyond the collateral locked on the destination for this route.
     * @param destination The destination domain.
     * @param recipient The recipient there, as bytes32 (PROTOCOL §2).
     * @param amount The amount, in local units.
     * @return id The Ferry message id.
     */
    function transferRemote(
        uint32 destination,
        bytes32 recipient,
        uint256 amount
    ) external payable whenNotPaused returns (bytes32 id) {
        // CHECKS
        Route memory route = _requireRoute(destination);
        if (recipient == bytes32(0)) revert TokenBridgeZeroRecipient();
        (uint256 sent, uint256 amountReceived) = _scale(amount, route.remoteDecimals);
        if (amountReceived == 0) revert TokenBridgeZeroAmount(amount);
        if (amountReceived > MAX_AMOUNT)
            revert TokenBridgeAmountTooLarge(amountReceived, MAX_AMOUNT);
        (bool ok, uint256 available) = _outbound[destination].consume(sent);
        if (!ok) revert TokenBridgeRateLimited(destination, true, sent, available);

        // EFFECTS and the debit (lock or burn; the collateral is kept there).
        _debit(msg.sender, destination, sent);
        uint256 kept = address(this).balance - msg.value;
        (id, ) = _send(
            destination,
            TokenBridgeCodec.encode(
                recipient,
                amountReceived,
                bytes32(uint256(uint160(msg.sender)))
            ),
            route.gasLimit,
            0,
            0,
            msg.value
        );
        emit TransferSent(id, destination, msg.sender, recipient, sent, amountReceived);

        // INTERACTIONS: the refund last.
        uint256 refund = address(this).balance - kept;
        if (refund != 0) {
            (bool refunded, ) = payable(msg.sender).call{value: refund}("");
            if (!refunded) revert TokenBridgeRefundFailed(msg.sender, refund);
        }
    }

    // ---------------------------------------------------------------- hooks

    /// @dev Credits the recipient; a paused bridge, a closed route, the inbound rate limit or
    /// the collateral make the message Failed, retryable.
    function _handle(
        uint32 origin,
        bytes32,
        uint64 nonce,
        bytes calldata body
    ) internal override returns (bytes memory) {
        if (_paused) revert TokenBridgePaused();
        _requireRoute(origin);
        if (body.length != TokenBridgeCodec.BODY_LENGTH) {
            revert TokenBridgeMalformedBody(body.length);
        }
        uint8 version = body.version();
        if (version != TokenBridgeCodec.VERSION) revert TokenBridgeUnknownVersion(version);
        bytes32 recipient32 = body.recipient();
        if (uint256(recipient32) >> 160 != 0) revert TokenBridgeNotEvmRecipient(recipient32);
        uint256 amount = body.amount();
        (bool ok, uint256 available) = _inbound[origin].consume(amount);
        if (!ok) revert TokenBridgeRateLimited(origin, false, amount, available);
        address recipient = address(uint160(uint256(recipient32)));
        _credit(recipient, origin, amount);
        emit TransferReceived(origin, nonce, body.sender(), recipient, amount);
        return "";
    }

    /// @dev Transfers send no ack.
    function _handleAck(bytes32, uint8, bytes calldata) internal override {}

    /**
     * @dev Takes `amount` from `from` for a transfer to `destination` (lock or burn), keeping the
     * route's collateral.
     */
    function _debit(address from, uint32 destination, uint256 amount) internal virtual;

    /**
     * @dev Gives `amount` to `to` for a transfer from `origin` (release or mint), keeping the
     * route's collateral.
     */
    function _credit(address to, uint32 origin, uint256 amount) internal virtual;

    // ---------------------------------------------------------------- internals

    /// @dev Adds `amount` to the route's collateral.
    function _addCollateral(uint32 domain, uint256 amount) internal {
        _collateral[domain] += amount;
    }

    /// @dev Takes `amount` from the route's collateral, which must cover it.
    function _removeCollateral(uint32 domain, uint256 amount) internal {
        uint256 collateral = _collateral[domain];
        if (amount > collateral)
            revert TokenBridgeInsufficientCollateral(domain, amount, collateral);
        // Safe: amount <= collateral.
        unchecked {
            _collateral[domain] = collateral - amount;
        }
    }

    /// @dev The enabled route to `domain`.
    function _requireRoute(uint32 domain) private view returns (Route memory route) {
        route = _routes[domain];
        if (!route.enabled) revert TokenBridgeUnknownRoute(domain);
    }

    /**
     * @dev `amount` in the remote token's units, rounded down, and the local amount that scales
     * to exactly that (`amount` less the dust).
     */
    function _scale(
        uint256 amount,
        uint8 remoteDecimals
    ) private view returns (uint256 sent, uint256 received) {
        if (remoteDecimals >= localDecimals) {
            // Checked: an amount whose scaled value overflows reverts.
            return (amount, amount * 10 ** (remoteDecimals - localDecimals));
        }
        uint256 factor = 10 ** (localDecimals - remoteDecimals);
        received = amount / factor;
        sent = received * factor;
    }
}
