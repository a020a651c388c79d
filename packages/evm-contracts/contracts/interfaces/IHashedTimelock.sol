// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IHashedTimelock
 * @notice Types, events and errors of {HashedTimelock} (spec/apps/htlc.md).
 */
interface IHashedTimelock {
    /// @notice A lock's state (HTLC §4). `None`: no such lock.
    enum LockState {
        None,
        Open,
        Claimed,
        Refunded
    }

    /**
     * @notice A lock.
     * @param locker Who locked; gets the amount back on refund.
     * @param timelock Unix seconds: claims strictly before, refunds at or after.
     * @param state The state.
     * @param relayed Whether the lock prepaid a relay ({HashedTimelock.relayOf}); kept here so that
     * a lock without one never reads the relay's slots.
     * @param recipient Who gets the amount on claim.
     * @param token The ERC-20, or zero for the native token.
     * @param amount The amount locked.
     * @param hashlock sha256 of the 32-byte preimage.
     */
    struct Lock {
        address locker;
        uint64 timelock;
        LockState state;
        bool relayed;
        address recipient;
        address token;
        uint256 amount;
        bytes32 hashlock;
    }

    /**
     * @notice Where a claim sends its preimage, prepaid by the locker (HTLC §5).
     * @param domain The peer HTLC's domain.
     * @param gasLimit The handler gas of the claim message there.
     * @param peerLockId The id of the lock there that the preimage claims.
     */
    struct Relay {
        uint32 domain;
        uint32 gasLimit;
        bytes32 peerLockId;
    }

    /// @notice What the handler did with a claim message (HTLC §6): its one-byte result.
    enum ClaimOutcome {
        Claimed,
        UnknownLock,
        NotOpen,
        Expired,
        WrongPreimage,
        MalformedBody
    }

    /// @notice A lock was opened.
    /// @param id The lock id.
    /// @param hashlock sha256 of the preimage (links the swap's two legs).
    /// @param recipient Who may receive the amount.
    /// @param locker Who locked.
    /// @param token The ERC-20, or zero for the native token.
    /// @param amount The amount.
    /// @param timelock Unix seconds: claims strictly before, refunds at or after.
    /// @param nonce The locker's nonce that went into the id.
    event Locked(
        bytes32 indexed id,
        bytes32 indexed hashlock,
        address indexed recipient,
        address locker,
        address token,
        uint256 amount,
        uint64 timelock,
        uint64 nonce
    );

    /// @notice The locker prepaid sending the preimage to a peer lock on claim.
    /// @param id The lock id.
    /// @param domain The peer's domain.
    /// @param peerLockId The lock there.
    /// @param gasLimit The handler gas there.
    /// @param fee The prepaid fee, in native token.
    event RelayPrepaid(
        bytes32 indexed id,
        uint32 indexed domain,
        bytes32 peerLockId,
        uint32 gasLimit,
        uint256 fee
    );

    /// @notice A lock was claimed: its amount went to its recipient.
    /// @param id The lock id.
    /// @param hashlock sha256 of the preimage.
    /// @param recipient Who received the amount.
    /// @param preimage The revealed secret.
    /// @param by The caller, or the endpoint for a claim carried by a message.
    event Claimed(
        bytes32 indexed id,
        bytes32 indexed hashlock,
        address indexed recipient,
        bytes32 preimage,
        address by
    );

    /// @notice A lock was refunded: its amount went back to its locker.
    /// @param id The lock id.
    /// @param hashlock sha256 of the preimage.
    /// @param locker Who received the amount back.
    event Refunded(bytes32 indexed id, bytes32 indexed hashlock, address indexed locker);

    /// @notice A claim sent its preimage to the peer lock.
    /// @param id The lock claimed here.
    /// @param messageId The Ferry message.
    /// @param domain The peer's domain.
    /// @param peerLockId The lock there.
    /// @param fee The fee paid, of the prepaid fee (the rest is credited to the locker).
    event PreimageRelayed(
        bytes32 indexed id,
        bytes32 indexed messageId,
        uint32 indexed domain,
        bytes32 peerLockId,
        uint256 fee
    );

    /// @notice A claim could not send its preimage (the fee fell short of the quote, no peer,
    /// or the endpoint refused); the claim stands and the prepaid fee is credited to the locker.
    /// @param id The lock claimed here.
    /// @param domain The peer's domain.
    /// @param prepaid The prepaid fee.
    /// @param quote The endpoint's quote (0 when it could not be read).
    event PreimageNotRelayed(
        bytes32 indexed id,
        uint32 indexed domain,
        uint256 prepaid,
        uint256 quote
    );

    /// @notice A claim message was handled.
    /// @param origin The peer's domain.
    /// @param nonce The message's nonce.
    /// @param id The lock it named.
    /// @param outcome What happened (anything but Claimed is a no-op).
    event ClaimMessageHandled(
        uint32 indexed origin,
        uint64 nonce,
        bytes32 indexed id,
        ClaimOutcome outcome
    );

    /// @notice Native token credited to an account: unspent relay fees.
    /// @param account The locker.
    /// @param amount The amount added.
    event FeeCredited(address indexed account, uint256 amount);

    /// @notice An account withdrew its credit.
    /// @param account The account.
    /// @param amount The amount.
    event FeeCreditWithdrawn(address indexed account, uint256 amount);

    /// @notice The recipient is zero.
    error HashedTimelockZeroRecipient();

    /// @notice The amount is zero.
    error HashedTimelockZeroAmount();

    /// @notice The timelock is not in the future.
    /// @param timelock The timelock.
    /// @param now_ The block time.
    error HashedTimelockTimelockInPast(uint64 timelock, uint256 now_);

    /// @notice The native value sent does not match (native lock: amount + relay fee; ERC-20
    /// lock: the relay fee).
    /// @param expected At least this much is needed.
    /// @param value What was sent.
    error HashedTimelockWrongValue(uint256 expected, uint256 value);

    /// @notice A relay whose peer lock id or gas limit is zero.
    error HashedTimelockInvalidRelay();

    /// @notice No lock has this id.
    /// @param id The id.
    error HashedTimelockUnknownLock(bytes32 id);

    /// @notice The lock was already claimed or refunded.
    /// @param id The id.
    /// @param state Its state.
    error HashedTimelockNotOpen(bytes32 id, LockState state);

    /// @notice A preimage that is not exactly 32 bytes (the cross-chain length attack, HTLC §3).
    /// @param length Its length.
    error HashedTimelockPreimageLength(uint256 length);

    /// @notice sha256(preimage) is not the lock's hashlock.
    /// @param id The id.
    /// @param hash sha256 of the preimage given.
    error HashedTimelockWrongPreimage(bytes32 id, bytes32 hash);

    /// @notice A claim at or after the timelock.
    /// @param id The id.
    /// @param timelock The timelock.
    /// @param now_ The block time.
    error HashedTimelockExpired(bytes32 id, uint64 timelock, uint256 now_);

    /// @notice A refund before the timelock.
    /// @param id The id.
    /// @param timelock The timelock.
    /// @param now_ The block time.
    error HashedTimelockNotExpired(bytes32 id, uint64 timelock, uint256 now_);

    /// @notice A native transfer was refused.
    /// @param to The receiver.
    /// @param amount The amount.
    error HashedTimelockTransferFailed(address to, uint256 amount);

    /// @notice A call that relays the preimage was given too little gas for the send: the
    /// claim reverts, so no claimer can starve the relay on purpose. Retry with more gas.
    /// @param gasBefore The gas left before the failed call.
    error HashedTimelockRelayOutOfGas(uint256 gasBefore);

    /// @notice Nothing to withdraw.
    /// @param account The caller.
    error HashedTimelockNoCredit(address account);
}
