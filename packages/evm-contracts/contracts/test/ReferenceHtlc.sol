// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ReferenceHtlc
 * @notice Bench only (bench/htlc): the least a native-token HTLC does, to weigh
 * {HashedTimelock} against. The id is the hash of the terms (a second identical lock is
 * refused); sha256 hashlock of a 32-byte preimage; claim strictly before the timelock, refund at
 * or after. No ERC-20, no nonces, no relay, no reentrancy guard beyond checks-effects-interactions.
 */
contract ReferenceHtlc {
    struct Lock {
        address sender;
        uint64 timelock;
        bool done;
        address receiver;
        uint256 amount;
        bytes32 hashlock;
    }

    mapping(bytes32 id => Lock) private _locks;

    /// @notice A lock was opened.
    event Locked(bytes32 indexed id);
    /// @notice A lock was claimed.
    event Claimed(bytes32 indexed id, bytes32 preimage);
    /// @notice A lock was refunded.
    event Refunded(bytes32 indexed id);

    /// @notice The call breaks a rule: the id, and what.
    error ReferenceHtlcRefused(bytes32 id, uint8 rule);

    /// @notice Locks `msg.value` for `receiver`.
    function lock(
        address receiver,
        bytes32 hashlock,
        uint64 timelock
    ) external payable returns (bytes32 id) {
        id = keccak256(abi.encodePacked(msg.sender, receiver, hashlock, timelock, msg.value));
        if (_locks[id].sender != address(0) || msg.value == 0 || timelock <= block.timestamp) {
            revert ReferenceHtlcRefused(id, 0);
        }
        _locks[id] = Lock(msg.sender, timelock, false, receiver, msg.value, hashlock);
        emit Locked(id);
    }

    /// @notice Pays the receiver for the preimage, before the timelock.
    function claim(bytes32 id, bytes32 preimage) external {
        Lock storage entry = _locks[id];
        if (
            entry.done ||
            block.timestamp >= entry.timelock ||
            sha256(abi.encodePacked(preimage)) != entry.hashlock
        ) {
            revert ReferenceHtlcRefused(id, 1);
        }
        entry.done = true;
        emit Claimed(id, preimage);
        (bool ok, ) = entry.receiver.call{value: entry.amount}("");
        if (!ok) revert ReferenceHtlcRefused(id, 3);
    }

    /// @notice Pays the sender back, at or after the timelock.
    function refund(bytes32 id) external {
        Lock storage entry = _locks[id];
        if (entry.done || entry.sender == address(0) || block.timestamp < entry.timelock) {
            revert ReferenceHtlcRefused(id, 2);
        }
        entry.done = true;
        emit Refunded(id);
        (bool ok, ) = entry.sender.call{value: entry.amount}("");
        if (!ok) revert ReferenceHtlcRefused(id, 3);
    }
}
