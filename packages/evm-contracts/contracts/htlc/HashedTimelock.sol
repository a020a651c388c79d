// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EndpointApp} from "../app/EndpointApp.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {IHashedTimelock} from "../interfaces/IHashedTimelock.sol";
import {HtlcCodec} from "../libs/HtlcCodec.sol";

/**
 * @title HashedTimelock
 * @notice Hash time-locked contracts for atomic swaps, native token or ERC-20
 * (spec/apps/htlc.md). A locker locks an amount for a recipient under a hashlock
 * (sha256 of a 32-byte preimage) and a timelock (unix seconds): anyone may claim it for the
 * recipient with the preimage strictly before the timelock, and anyone may refund it to the
 * locker at or after it.
 *
 * It is also a Ferry app: a lock may prepay sending its preimage, once claimed, to a lock on the
 * peer HTLC of another chain ({lockWithRelay}), whose handler claims that lock for its recipient
 * if it is still open; a message that finds nothing to claim is a no-op, never a failure. So the
 * party who must learn the secret need not watch the chain: Ferry carries it, and the peer checks
 * it against the hashlock itself (validators and relayers can delay a claim, never forge one).
 *
 * Tokens that take a fee on transfer or rebase are not supported.
 */
contract HashedTimelock is EndpointApp, ReentrancyGuardTransient, IHashedTimelock {
    using SafeERC20 for IERC20;
    using HtlcCodec for bytes;

    /// @dev A lock's prepaid relay: 0 gasLimit means none.
    struct RelayState {
        uint32 domain;
        uint32 gasLimit;
        // The whole native supply fits (checked at lock time anyway).
        uint128 fee;
        bytes32 peerLockId;
    }

    /// @notice This chain's Ferry domain, part of every lock id.
    uint32 public immutable localDomain;

    mapping(bytes32 id => Lock) private _locks;
    mapping(bytes32 id => RelayState) private _relays;
    mapping(address locker => uint64) private _nonces;
    mapping(address account => uint256) private _credits;

    /**
     * @param endpoint_ The endpoint.
     * @param owner_ Sets peers (the HTLCs on other chains that may send claims here).
     */
    constructor(IEndpoint endpoint_, address owner_) EndpointApp(endpoint_, owner_) {
        localDomain = endpoint_.localDomain();
    }

    // ---------------------------------------------------------------- locking

    /**
     * @notice Locks `amount` of `token` (zero: the native token, sent as `msg.value`) for
     * `recipient` under `hashlock` until `timelock`. An ERC-20 must be approved first.
     * @param recipient Who gets the amount on claim.
     * @param hashlock sha256 of the 32-byte preimage.
     * @param timelock Unix seconds, in the future: claims strictly before, refunds at or after.
     * @param token The ERC-20, or zero for the native token.
     * @param amount The amount.
     * @return id The lock id ({lockIdOf} with the caller's {nonceOf} before the call).
     */
    function lock(
        address recipient,
        bytes32 hashlock,
        uint64 timelock,
        address token,
        uint256 amount
    ) external payable nonReentrant returns (bytes32 id) {
        uint256 native = token == address(0) ? amount : 0;
        if (msg.value != native) revert HashedTimelockWrongValue(native, msg.value);
        return _lock(recipient, hashlock, timelock, token, amount, false);
    }

    /**
     * @notice {lock}, and prepays sending the preimage to `relay.peerLockId` on the peer HTLC of
     * `relay.domain` when this lock is claimed by hand: `msg.value` is the native amount (if
     * any) plus the fee, which should cover the endpoint's quote for a 65-byte body with
     * `relay.gasLimit` at claim time (what is not spent is credited back, {withdrawFeeCredit}).
     * @param recipient Who gets the amount on claim.
     * @param hashlock sha256 of the 32-byte preimage.
     * @param timelock Unix seconds, in the future.
     * @param token The ERC-20, or zero for the native token.
     * @param amount The amount.
     * @param relay Where the preimage goes.
     * @return id The lock id.
     */
    function lockWithRelay(
        address recipient,
        bytes32 hashlock,
        uint64 timelock,
        address token,
        uint256 amount,
        Relay calldata relay
    ) external payable nonReentrant returns (bytes32 id) {
        uint256 native = token == address(0) ? amount : 0;
        if (msg.value < native) revert HashedTimelockWrongValue(native, msg.value);
        if (relay.peerLockId == bytes32(0) || relay.gasLimit == 0) {
            revert HashedTimelockInvalidRelay();
        }
        // Safe: msg.value >= native, checked above.
        uint256 fee;
        unchecked {
            fee = msg.value - native;
        }
        id = _lock(recipient, hashlock, timelock, token, amount, true);
        // CAST: msg.value is at most the native supply, far below 2^128.
        _relays[id] = RelayState(relay.domain, relay.gasLimit, uint128(fee), relay.peerLockId);
        emit RelayPrepaid(id, relay.domain, relay.peerLockId, relay.gasLimit, fee);
    }

    // ---------------------------------------------------------------- claiming and refunding

    /**
     * @notice Claims lock `id` for its recipient with `preimage` (exactly 32 bytes, whose sha256
     * is the hashlock), strictly before the timelock. Anyone may call: the amount only ever goes
     * to the recipient. If the lock prepaid a relay, sends the preimage to the peer lock.
     * @param id The lock id.
     * @param preimage The secret.
     */
    function claim(bytes32 id, bytes calldata preimage) external nonReentrant {
        // CHECKS
        if (preimage.length != 32) revert HashedTimelockPreimageLength(preimage.length);
        bytes32 secret = bytes32(preimage);
        Lock storage lock_ = _locks[id];
        (ClaimOutcome outcome, bytes32 hash) = _check(lock_, secret);
        if (outcome == ClaimOutcome.UnknownLock) revert HashedTimelockUnknownLock(id);
        if (outcome == ClaimOutcome.NotOpen) revert HashedTimelockNotOpen(id, lock_.state);
        if (outcome == ClaimOutcome.Expired) {
            revert HashedTimelockExpired(id, lock_.timelock, block.timestamp);
        }
        if (outcome == ClaimOutcome.WrongPreimage) revert HashedTimelockWrongPreimage(id, hash);

        // EFFECTS (the relay leaves storage before any call), then INTERACTIONS: pay, relay.
        RelayState memory relay;
        if (lock_.relayed) relay = _takeRelay(id);
        _release(id, lock_, secret);
        if (relay.gasLimit != 0) _relay(id, lock_.locker, relay, secret);
    }

    /**
     * @notice Refunds lock `id` to its locker, at or after the timelock; a prepaid relay fee is
     * credited to the locker. Anyone may call.
     * @param id The lock id.
     */
    function refund(bytes32 id) external nonReentrant {
        // CHECKS
        Lock storage lock_ = _locks[id];
        LockState state = lock_.state;
        if (state == LockState.None) revert HashedTimelockUnknownLock(id);
        if (state != LockState.Open) revert HashedTimelockNotOpen(id, state);
        if (block.timestamp < lock_.timelock) {
            revert HashedTimelockNotExpired(id, lock_.timelock, block.timestamp);
        }

        // EFFECTS
        lock_.state = LockState.Refunded;
        address locker = lock_.locker;
        emit Refunded(id, lock_.hashlock, locker);
        if (lock_.relayed) _creditRelayFee(id, locker);

        // INTERACTIONS
        _pay(locker, lock_.token, lock_.amount);
    }

    /// @notice Withdraws the caller's credit (unspent relay fees).
    function withdrawFeeCredit() external nonReentrant {
        uint256 amount = _credits[msg.sender];
        if (amount == 0) revert HashedTimelockNoCredit(msg.sender);
        delete _credits[msg.sender];
        emit FeeCreditWithdrawn(msg.sender, amount);
        _pay(msg.sender, address(0), amount);
    }

    // ---------------------------------------------------------------- views

    /// @notice Lock `id` (state None if there is none).
    /// @param id The lock id.
    function lockOf(bytes32 id) external view returns (Lock memory) {
        return _locks[id];
    }

    /// @notice Lock `id`'s prepaid relay (gasLimit 0: none) and its fee.
    /// @param id The lock id.
    function relayOf(bytes32 id) external view returns (Relay memory relay, uint256 fee) {
        RelayState memory state = _relays[id];
        return (Relay(state.domain, state.gasLimit, state.peerLockId), state.fee);
    }

    /// @notice The nonce `locker`'s next lock takes.
    /// @param locker The locker.
    function nonceOf(address locker) external view returns (uint64) {
        return _nonces[locker];
    }

    /// @notice Native token `account` may withdraw with {withdrawFeeCredit}.
    /// @param account The account.
    function feeCreditOf(address account) external view returns (uint256) {
        return _credits[account];
    }

    /**
     * @notice The id a lock with these terms and the locker's `nonce` gets here (HTLC §2), so a
     * locker can tell its counterparty the id before locking.
     */
    function lockIdOf(
        address locker,
        address recipient,
        bytes32 hashlock,
        uint64 timelock,
        address token,
        uint256 amount,
        uint64 nonce
    ) public view returns (bytes32) {
        return
            HtlcCodec.lockId(
                localDomain,
                _b32(address(this)),
                _b32(locker),
                _b32(recipient),
                hashlock,
                timelock,
                _b32(token),
                amount,
                nonce
            );
    }

    // ---------------------------------------------------------------- the Ferry handler

    /**
     * @dev A claim message from the peer (HTLC §6): claims the named lock for its recipient if
     * the preimage opens it and it is open and unexpired; otherwise does nothing. Either way the
     * message is Executed and its result is the outcome's one byte. Only a refused payment to
     * the recipient makes it Failed (retryable).
     */
    function _handle(
        uint32 origin,
        bytes32,
        uint64 nonce,
        bytes calldata body
    ) internal override nonReentrant returns (bytes memory) {
        bytes32 id;
        ClaimOutcome outcome = ClaimOutcome.MalformedBody;
        if (body.length == HtlcCodec.BODY_LENGTH && body.version() == HtlcCodec.VERSION) {
            id = body.lockId();
            bytes32 secret = body.preimage();
            Lock storage lock_ = _locks[id];
            (outcome, ) = _check(lock_, secret);
            if (outcome == ClaimOutcome.Claimed) {
                // The preimage came from the peer: it is not sent back.
                if (lock_.relayed) _creditRelayFee(id, lock_.locker);
                _release(id, lock_, secret);
            }
        }
        emit ClaimMessageHandled(origin, nonce, id, outcome);
        return abi.encodePacked(uint8(outcome));
    }

    /// @dev Claim messages ask for no ack.
    function _handleAck(bytes32, uint8, bytes calldata) internal override {}

    // ---------------------------------------------------------------- internals

    /// @dev Opens a lock (`relayed`: the caller stores its relay); the caller checked `msg.value`.
    function _lock(
        address recipient,
        bytes32 hashlock,
        uint64 timelock,
        address token,
        uint256 amount,
        bool relayed
    ) private returns (bytes32 id) {
        // CHECKS
        if (recipient == address(0)) revert HashedTimelockZeroRecipient();
        if (amount == 0) revert HashedTimelockZeroAmount();
        if (timelock <= block.timestamp) {
            revert HashedTimelockTimelockInPast(timelock, block.timestamp);
        }

        // EFFECTS
        uint64 nonce = _nonces[msg.sender]++;
        id = lockIdOf(msg.sender, recipient, hashlock, timelock, token, amount, nonce);
        _locks[id] = Lock(
            msg.sender,
            timelock,
            LockState.Open,
            relayed,
            recipient,
            token,
            amount,
            hashlock
        );
        emit Locked(id, hashlock, recipient, msg.sender, token, amount, timelock, nonce);

        // INTERACTIONS
        if (token != address(0)) {
            IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        }
    }

    /**
     * @dev Whether `preimage` claims `lock_` now (Claimed) or why not, checked in this order:
     * unknown, not open, expired, wrong preimage; and sha256(preimage) once computed.
     */
    function _check(
        Lock storage lock_,
        bytes32 preimage
    ) private view returns (ClaimOutcome outcome, bytes32 hash) {
        LockState state = lock_.state;
        if (state == LockState.None) return (ClaimOutcome.UnknownLock, 0);
        if (state != LockState.Open) return (ClaimOutcome.NotOpen, 0);
        if (block.timestamp >= lock_.timelock) return (ClaimOutcome.Expired, 0);
        hash = sha256(abi.encodePacked(preimage));
        if (hash != lock_.hashlock) return (ClaimOutcome.WrongPreimage, hash);
        return (ClaimOutcome.Claimed, hash);
    }

    /// @dev Marks the lock claimed and pays its recipient (the one external call).
    function _release(bytes32 id, Lock storage lock_, bytes32 preimage) private {
        lock_.state = LockState.Claimed;
        address recipient = lock_.recipient;
        emit Claimed(id, lock_.hashlock, recipient, preimage, msg.sender);
        _pay(recipient, lock_.token, lock_.amount);
    }

    /// @dev Lock `id`'s relay, removed from storage.
    function _takeRelay(bytes32 id) private returns (RelayState memory relay) {
        relay = _relays[id];
        delete _relays[id];
    }

    /// @dev Removes lock `id`'s relay unsent and credits its fee to `locker`.
    function _creditRelayFee(bytes32 id, address locker) private {
        uint256 fee = _takeRelay(id).fee;
        if (fee != 0) _credit(locker, fee);
    }

    /**
     * @dev Sends the preimage to the peer lock, paying the quote from the prepaid fee; credits
     * the rest to the locker. A missing peer, a fee below the quote, or a refusal by the endpoint
     * leaves the claim standing (the preimage is public anyway: the counterparty can claim by
     * hand), but a call given too little gas for the send reverts, so a claimer cannot starve
     * the relay on purpose.
     */
    function _relay(bytes32 id, address locker, RelayState memory relay, bytes32 preimage) private {
        bytes32 peer = peers(relay.domain);
        uint256 quote;
        if (peer != bytes32(0)) {
            uint256 gasBefore = gasleft();
            try endpoint.quote(relay.domain, HtlcCodec.BODY_LENGTH, relay.gasLimit, 0) returns (
                uint256 quoted
            ) {
                quote = quoted;
            } catch {
                _requireGasLeft(gasBefore);
                peer = bytes32(0);
            }
        }
        if (peer != bytes32(0) && quote <= relay.fee) {
            uint256 gasBefore = gasleft();
            // IEndpoint.send, not address.send: its failures revert.
            // solhint-disable-next-line check-send-result
            try
                endpoint.send{value: quote}(
                    relay.domain,
                    peer,
                    HtlcCodec.encode(relay.peerLockId, preimage),
                    relay.gasLimit,
                    0,
                    0
                )
            returns (bytes32 messageId, uint64) {
                emit PreimageRelayed(id, messageId, relay.domain, relay.peerLockId, quote);
                // Safe: quote <= relay.fee, checked above.
                unchecked {
                    if (relay.fee > quote) _credit(locker, relay.fee - quote);
                }
                return;
            } catch {
                _requireGasLeft(gasBefore);
            }
        }
        emit PreimageNotRelayed(id, relay.domain, relay.fee, quote);
        if (relay.fee != 0) _credit(locker, relay.fee);
    }

    /**
     * @dev Reverts when a failed call may have run out of the gas it was given (it had 63/64 of
     * `gasBefore`; at most 1/64 is left here): the caller must retry with more gas.
     */
    function _requireGasLeft(uint256 gasBefore) private view {
        if (gasleft() <= gasBefore / 63) revert HashedTimelockRelayOutOfGas(gasBefore);
    }

    /// @dev Credits native token to `account`.
    function _credit(address account, uint256 amount) private {
        _credits[account] += amount;
        emit FeeCredited(account, amount);
    }

    /// @dev Pays `amount` of `token` (zero: native) to `to`.
    function _pay(address to, address token, uint256 amount) private {
        if (token != address(0)) {
            IERC20(token).safeTransfer(to, amount);
            return;
        }
        (bool ok, ) = payable(to).call{value: amount}("");
        if (!ok) revert HashedTimelockTransferFailed(to, amount);
    }

    /// @dev An address as bytes32 (PROTOCOL §2).
    function _b32(address account) private pure returns (bytes32) {
        return bytes32(uint256(uint160(account)));
    }
}
