// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpointErrors} from "./IEndpointErrors.sol";

/**
 * @title IEndpoint
 * @notice The Ferry endpoint on an EVM chain (PROTOCOL.md): apps send through it, relayers
 * deliver to it with proofs, and it calls the recipients' handlers.
 */
interface IEndpoint is IEndpointErrors {
    /**
     * @notice Fee parameters of one domain (PROTOCOL.md §9), in two storage slots.
     * @param gasPrice Gas price on that domain, in its native token's smallest unit.
     * @param rate Price of one such unit in this chain's native token, scaled by 1e18; non-zero
     * for a configured domain.
     * @param baseFee Flat fee per message, in this chain's native token.
     * @param gasOverhead Gas the endpoint there spends around the handler.
     * @param gasPerByte Gas per body byte there.
     * @param maxGasLimit Largest handler `gasLimit` a message to that domain may ask for (for the
     * local domain: the largest `ackGasLimit`), non-zero; below what one transaction there may
     * use (EIP-7825: 2^24) minus the delivery's own gas, so that every message sent can be
     * delivered (PROTOCOL.md §4).
     */
    struct FeeConfig {
        uint128 gasPrice;
        uint128 rate;
        uint96 baseFee;
        uint32 gasOverhead;
        uint32 gasPerByte;
        uint32 maxGasLimit;
    }

    /**
     * @notice L1 data fee parameters of one domain that is an OP Stack rollup (PROTOCOL.md §9),
     * copied from that chain's `GasPriceOracle` (Fjord and later); all zero
     * for a domain that charges no L1 data fee.
     * @param l1BaseFee The L1 base fee the rollup last saw, in wei (`GasPriceOracle.l1BaseFee`).
     * @param blobBaseFee The L1 blob base fee, in wei (`GasPriceOracle.blobBaseFee`).
     * @param baseFeeScalar `GasPriceOracle.baseFeeScalar`, scaled by 1e6.
     * @param blobBaseFeeScalar `GasPriceOracle.blobBaseFeeScalar`, scaled by 1e6.
     * @param overheadBytes Compressed bytes of a one-message delivery transaction there beside its
     * body: envelope, signature, calldata encoding, message header, proof and checkpoint
     * signatures.
     */
    struct L1FeeConfig {
        uint128 l1BaseFee;
        uint128 blobBaseFee;
        uint32 baseFeeScalar;
        uint32 blobBaseFeeScalar;
        uint32 overheadBytes;
    }

    // ---------------------------------------------------------------- events

    /// @notice A message (or an ack) was sent: everything needed to relay it.
    /// @param id `keccak256(message)`, the leaf inserted into the tree.
    /// @param destination The destination domain.
    /// @param recipient The recipient on the destination.
    /// @param nonce The message's nonce in its channel.
    /// @param leafIndex The leaf's index in this endpoint's tree.
    /// @param message The encoded message.
    event MessageSent(
        bytes32 indexed id,
        uint32 indexed destination,
        bytes32 indexed recipient,
        uint64 nonce,
        uint32 leafIndex,
        bytes message
    );

    /// @notice A message was delivered: Executed, Failed or TimedOut.
    /// @param id The message id.
    /// @param origin The origin domain.
    /// @param sender The sending app.
    /// @param nonce The message's nonce.
    /// @param status 1 Executed, 2 Failed or 3 TimedOut.
    /// @param result The handler's return or revert data (at most 1,024 bytes).
    event MessageDelivered(
        bytes32 indexed id,
        uint32 indexed origin,
        bytes32 indexed sender,
        uint64 nonce,
        uint8 status,
        bytes result
    );

    /// @notice A Failed message was retried.
    /// @param id The message id.
    /// @param status 1 Executed or 2 Failed (still).
    /// @param result The handler's return or revert data (at most 1,024 bytes).
    event MessageRetried(bytes32 indexed id, uint8 status, bytes result);

    /// @notice A Failed message timed out (final).
    /// @param id The message id.
    event MessageTimedOut(bytes32 indexed id);

    /// @notice An ack was delivered to the original sender.
    /// @param ackId The ack message's id.
    /// @param originalId The acknowledged message's id.
    /// @param originalStatus The acknowledged message's final status (1 or 3).
    /// @param status The ack's own delivery status (1 Executed or 2 Failed).
    event AckDelivered(
        bytes32 indexed ackId,
        bytes32 indexed originalId,
        uint8 originalStatus,
        uint8 status
    );

    /// @notice The owner set the default verifier of an origin (zero clears it).
    /// @param origin The origin domain.
    /// @param verifier The verifier.
    event DefaultVerifierSet(uint32 indexed origin, address verifier);

    /// @notice An app set its own verifier for an origin (zero clears it).
    /// @param app The app.
    /// @param origin The origin domain.
    /// @param verifier The verifier.
    event AppVerifierSet(address indexed app, uint32 indexed origin, address verifier);

    /// @notice The owner set the fee manager.
    /// @param feeManager The new fee manager.
    event FeeManagerSet(address feeManager);

    /// @notice The owner set the fee collector.
    /// @param feeCollector The new fee collector.
    event FeeCollectorSet(address feeCollector);

    /// @notice The fee manager set a domain's fee configuration.
    /// @param domain The domain.
    /// @param config The configuration.
    event FeeConfigSet(uint32 indexed domain, FeeConfig config);

    /// @notice The fee manager set a domain's L1 data fee parameters.
    /// @param domain The domain.
    /// @param config The parameters.
    event L1FeeConfigSet(uint32 indexed domain, L1FeeConfig config);

    /// @notice The fee manager removed a domain's fee configuration.
    /// @param domain The domain.
    event FeeConfigRemoved(uint32 indexed domain);

    /// @notice Someone topped up the fee of a message this endpoint sent (PROTOCOL.md §9).
    /// @param id The message id.
    /// @param amount The amount added, in this chain's native token.
    event FeeAdded(bytes32 indexed id, uint256 amount);

    /// @notice The fee collector withdrew fees.
    /// @param to The receiver.
    /// @param amount The amount.
    event FeesWithdrawn(address indexed to, uint256 amount);

    // ---------------------------------------------------------------- sending

    /**
     * @notice Sends `body` to `recipient` on `destination`. The sender is `msg.sender`.
     * @dev Takes the channel's next nonce, inserts the id into the tree, charges the quote and
     * refunds any excess to `msg.sender` last. `ackGasLimit > 0` sets ACK_REQUESTED. Works from
     * inside a handler.
     * @param destination The destination domain (needs a fee configuration).
     * @param recipient The recipient app, as bytes32.
     * @param body The app bytes, at most 65,536.
     * @param gasLimit Gas for the recipient's handler, at most the destination's `maxGasLimit`.
     * @param ackGasLimit Gas for the ack's handler back here, at most the local domain's
     * `maxGasLimit`; 0 for no ack.
     * @param deadline Unix time on the destination after which the message times out; 0 none.
     * @return id The message id.
     * @return nonce The message's nonce.
     */
    function send(
        uint32 destination,
        bytes32 recipient,
        bytes calldata body,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32 id, uint64 nonce);

    /**
     * @notice The fee of a message: `baseFee[dst] + (gasLimit + gasOverhead[dst] + bodyLength ×
     * gasPerByte[dst]) × gasPrice[dst] × rate[dst] / 1e18`, plus, when `ackGasLimit > 0`,
     * `(ackGasLimit + gasOverhead[local] + 1,057 × gasPerByte[local]) × gasPrice[local] ×
     * rate[local] / 1e18` for the ack's delivery back here (1,057 = the longest ack body: 33
     * bytes + a 1,024-byte result). No base fee is charged for the ack. A domain with an
     * {L1FeeConfig} (an OP Stack rollup) adds the L1 data fee of the delivery there (of the ack's
     * delivery here, for the local domain), × its rate / 1e18. Reverts, as `send` does,
     * for a gas limit above a `maxGasLimit`: such a message could never be delivered.
     * @param destination The destination domain.
     * @param bodyLength The body length.
     * @param gasLimit The handler gas, at most the destination's `maxGasLimit`.
     * @param ackGasLimit The ack handler gas, at most the local domain's `maxGasLimit`; 0 for no
     * ack.
     * @return fee The fee in this chain's native token.
     */
    function quote(
        uint32 destination,
        uint256 bodyLength,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) external view returns (uint256 fee);

    /**
     * @notice Tops up the fee of a message this endpoint sent (PROTOCOL.md §9), for when its fee
     * no longer covers its delivery; anyone may pay. Checks that the message is well formed,
     * that its origin is this domain and that its channel's outbound nonce reached its nonce, so
     * a mistyped message cannot swallow the funds. Nothing is refunded; the amount accrues to
     * the endpoint like a send fee. Relayers count the fee paid at send plus every {FeeAdded}.
     * Works while the endpoint is paused: it moves no message, and a paused route's fees may
     * need topping up when it resumes.
     * @param message The encoded message, as in its `MessageSent` event.
     */
    function addFee(bytes calldata message) external payable;

    // ---------------------------------------------------------------- delivering

    /**
     * @notice Delivers a message (PROTOCOL.md §7): checks it, verifies the proof, checks and
     * advances the channel nonce, then times it out (deadline passed) or calls the handler.
     * @param message The encoded message.
     * @param proof The proof for the recipient's verifier.
     */
    function deliver(bytes calldata message, bytes calldata proof) external;

    /**
     * @notice Delivers several messages, each as {deliver}; reverts as a whole if one reverts.
     * @param messages The encoded messages.
     * @param proofs Their proofs, in the same order.
     */
    function deliverBatch(bytes[] calldata messages, bytes[] calldata proofs) external;

    /**
     * @notice Calls the handler of a Failed message again, if its deadline has not passed, with
     * `gasLimit` gas: at least the message's own, more to recover a handler that ran out of gas
     * (paid by the caller). As at delivery, the call reverts with `EndpointInsufficientGas`
     * when the transaction cannot give the handler all of `gasLimit`.
     * @param message The encoded message.
     * @param gasLimit Gas for the handler, at least the message's `gasLimit`.
     */
    function retry(bytes calldata message, uint32 gasLimit) external;

    /**
     * @notice Makes a Failed message whose deadline has passed TimedOut (and sends its ack).
     * @param message The encoded message.
     */
    function timeout(bytes calldata message) external;

    // ---------------------------------------------------------------- apps

    /**
     * @notice Sets the caller's own verifier for messages from `origin` to it, overriding the
     * owner's default; the zero address clears the override.
     * @param origin The origin domain.
     * @param verifier The verifier (a contract), or zero.
     */
    function setAppVerifier(uint32 origin, address verifier) external;

    /**
     * @notice The origin and sender of the ack whose handler is running; zero outside
     * `handleAck`. Lets an app check that an ack comes from a peer, since `handleAck` carries
     * only the original id.
     * @return origin The ack's origin domain (the original destination).
     * @return sender The ack's sender (the original recipient).
     */
    function ackContext() external view returns (uint32 origin, bytes32 sender);

    // ---------------------------------------------------------------- views

    /// @notice This endpoint's domain.
    function localDomain() external view returns (uint32);

    /**
     * @notice The status of `message`: its stored status if any, else Executed if its nonce is
     * at most its channel's inbound nonce, else None.
     * @dev A normal Executed delivery stores no status (replay protection is the channel nonce),
     * so the status of an id alone is not enough: pass the message. The answer assumes the
     * message is authentic (sent by its origin endpoint): any bytes with a delivered channel and
     * nonce read as Executed. The `MessageDelivered` event is the authoritative record.
     * @param message The encoded message (at least 98 bytes, else None).
     * @return status 0 None, 1 Executed, 2 Failed, 3 TimedOut.
     */
    function messageStatus(bytes calldata message) external view returns (uint8 status);

    /**
     * @notice The status stored for `id`: Failed, TimedOut, Executed after a retry, else None
     * (including for a message Executed at its first delivery; see {messageStatus}).
     * @param id The message id.
     */
    function storedStatus(bytes32 id) external view returns (uint8);

    /// @notice The last nonce delivered on an inbound channel (0 before the first).
    /// @param channel The channel key.
    function inboundNonce(bytes32 channel) external view returns (uint64);

    /// @notice The last nonce sent on an outbound channel (0 before the first).
    /// @param channel The channel key.
    function outboundNonce(bytes32 channel) external view returns (uint64);

    /// @notice The current root of this endpoint's tree of sent message ids.
    function merkleRoot() external view returns (bytes32);

    /// @notice The number of leaves in the tree.
    function merkleCount() external view returns (uint32);

    /**
     * @notice The checkpoint validators sign: the current root and the index of the last leaf.
     * @return root The tree's root.
     * @return index The last leaf's index.
     */
    function latestCheckpoint() external view returns (bytes32 root, uint32 index);
}
