// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IEndpointErrors
 * @notice Every error the Ferry endpoint raises. Each carries what a relayer or an app needs to
 * see what went wrong.
 */
interface IEndpointErrors {
    // ---------------------------------------------------------------- message checks (§3)

    /// @notice The message is shorter than its 98-byte header.
    /// @param length The message length.
    error EndpointMessageTooShort(uint256 length);

    /// @notice The message's version is not 1.
    /// @param version The version byte.
    error EndpointWrongVersion(uint8 version);

    /// @notice The message sets flag bits other than IS_ACK and ACK_REQUESTED.
    /// @param flags The flags byte.
    error EndpointUnknownFlags(uint8 flags);

    /// @notice The message is an ack that requests an ack (acks never request acks, §8).
    /// @param flags The flags byte.
    error EndpointAckRequestsAck(uint8 flags);

    /// @notice An ack's body is shorter than `originalId b32 | status u8`.
    /// @param bodyLength The body length.
    error EndpointMalformedAck(uint256 bodyLength);

    /// @notice ACK_REQUESTED is not set exactly when `ackGasLimit > 0`.
    /// @param flags The flags byte.
    /// @param ackGasLimit The message's ack gas limit.
    error EndpointAckRequestMismatch(uint8 flags, uint32 ackGasLimit);

    /// @notice The message is not addressed to this endpoint's domain.
    /// @param expected This endpoint's domain.
    /// @param actual The message's destination.
    error EndpointWrongDestination(uint32 expected, uint32 actual);

    /// @notice The body is longer than the protocol allows.
    /// @param length The body length.
    /// @param max The largest body allowed (65,536).
    error EndpointBodyTooLarge(uint256 length, uint256 max);

    // ---------------------------------------------------------------- sending and fees (§4, §9)

    /// @notice No fee configuration exists for the domain, so it cannot be quoted or sent to.
    /// @param domain The destination (or, for the ack part of a quote, the local domain).
    error EndpointUnknownDestination(uint32 domain);

    /// @notice A handler gas limit above the destination's `maxGasLimit`: the message could never
    /// be delivered and would block its channel.
    /// @param domain The destination domain.
    /// @param gasLimit The gas limit asked for.
    /// @param maxGasLimit The destination's `maxGasLimit`.
    error EndpointGasLimitTooHigh(uint32 domain, uint32 gasLimit, uint32 maxGasLimit);

    /// @notice An ack gas limit above the local domain's `maxGasLimit`: the ack could never be
    /// delivered back here and would block its ack channel.
    /// @param domain The local domain.
    /// @param ackGasLimit The ack gas limit asked for.
    /// @param maxGasLimit The local domain's `maxGasLimit`.
    error EndpointAckGasLimitTooHigh(uint32 domain, uint32 ackGasLimit, uint32 maxGasLimit);

    /// @notice `msg.value` is below the quoted fee.
    /// @param required The fee.
    /// @param paid The value sent.
    error EndpointFeeTooLow(uint256 required, uint256 paid);

    /// @notice Refunding the excess fee to the sender failed.
    /// @param to The sender.
    /// @param amount The excess.
    error EndpointRefundFailed(address to, uint256 amount);

    /// @notice The caller is not the fee manager.
    /// @param caller The caller.
    error EndpointNotFeeManager(address caller);

    /// @notice The caller is not the fee collector.
    /// @param caller The caller.
    error EndpointNotFeeCollector(address caller);

    /// @notice A fee configuration with a zero rate; the rate also marks a domain as configured.
    /// @param domain The domain being configured.
    error EndpointZeroRate(uint32 domain);

    /// @notice A fee configuration with a zero `maxGasLimit`, which would refuse every message.
    /// @param domain The domain being configured.
    error EndpointZeroMaxGasLimit(uint32 domain);

    /// @notice `addFee` of a message whose origin is another domain.
    /// @param expected This endpoint's domain.
    /// @param actual The message's origin.
    error EndpointWrongOrigin(uint32 expected, uint32 actual);

    /// @notice `addFee` of a message this endpoint has not sent: its channel's outbound nonce
    /// has not reached the message's nonce (or the nonce is 0).
    /// @param id The message id.
    /// @param nonce The message's nonce.
    /// @param outboundNonce The channel's last sent nonce.
    error EndpointMessageNotSent(bytes32 id, uint64 nonce, uint64 outboundNonce);

    /// @notice `addFee` without value.
    /// @param id The message id.
    error EndpointZeroFee(bytes32 id);

    /// @notice A withdrawal larger than the fees held.
    /// @param amount The amount asked for.
    /// @param balance The fees held.
    error EndpointInsufficientFees(uint256 amount, uint256 balance);

    /// @notice Sending withdrawn fees failed.
    /// @param to The receiver.
    /// @param amount The amount.
    error EndpointWithdrawFailed(address to, uint256 amount);

    /// @notice A role or fee receiver set to the zero address.
    error EndpointZeroAddress();

    /// @notice The tree is empty, so there is no checkpoint yet.
    error EndpointEmptyTree();

    // ---------------------------------------------------------------- verification (§6)

    /// @notice Neither the recipient nor the owner set a verifier for the origin.
    /// @param origin The origin domain.
    error EndpointNoVerifier(uint32 origin);

    /// @notice The verifier returned false.
    /// @param id The message id.
    /// @param verifier The verifier.
    error EndpointProofRejected(bytes32 id, address verifier);

    /// @notice A verifier address without code.
    /// @param verifier The address.
    error EndpointVerifierNotContract(address verifier);

    // ---------------------------------------------------------------- delivery (§7)

    /// @notice The nonce is not the next of its channel (a replay, a gap or a reordering).
    /// @param channel The channel key.
    /// @param expected The next nonce of the channel.
    /// @param actual The message's nonce.
    error EndpointNonceOutOfOrder(bytes32 channel, uint64 expected, uint64 actual);

    /// @notice Too little gas left to give the handler its whole `gasLimit`; the transaction
    /// reverts so that the message stays undelivered.
    /// @param required The gas needed at the check.
    /// @param available The gas left at the check.
    error EndpointInsufficientGas(uint256 required, uint256 available);

    /// @notice `deliverBatch` got different numbers of messages and proofs.
    /// @param messages The number of messages.
    /// @param proofs The number of proofs.
    error EndpointBatchLengthMismatch(uint256 messages, uint256 proofs);

    /// @notice `retry` of a message that is not Failed.
    /// @param id The message id.
    /// @param status Its status.
    error EndpointNotRetryable(bytes32 id, uint8 status);

    /// @notice `retry` with less gas than the message's own `gasLimit`.
    /// @param id The message id.
    /// @param gasLimit The gas limit given.
    /// @param minimum The message's `gasLimit`.
    error EndpointRetryGasLimitTooLow(bytes32 id, uint32 gasLimit, uint32 minimum);

    /// @notice `retry` of a message whose deadline has passed (it can only time out now).
    /// @param id The message id.
    /// @param deadline Its deadline.
    error EndpointDeadlinePassed(bytes32 id, uint64 deadline);

    /// @notice `timeout` of a message that is not Failed.
    /// @param id The message id.
    /// @param status Its status.
    error EndpointNotTimeoutable(bytes32 id, uint8 status);

    /// @notice `timeout` of a message without a deadline.
    /// @param id The message id.
    error EndpointNoDeadline(bytes32 id);

    /// @notice `timeout` before the deadline has passed.
    /// @param id The message id.
    /// @param deadline Its deadline.
    /// @param timestamp The current block time.
    error EndpointDeadlineNotPassed(bytes32 id, uint64 deadline, uint256 timestamp);
}
