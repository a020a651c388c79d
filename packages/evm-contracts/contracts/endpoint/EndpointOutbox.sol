// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {MerkleTree} from "../libs/MerkleTree.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {EndpointFees} from "./EndpointFees.sol";

/**
 * @title EndpointOutbox
 * @notice Sending (PROTOCOL.md §4): outbound channel nonces and the incremental merkle tree of
 * sent message ids, which validators checkpoint (§5); and fee top-ups of sent messages (§9).
 */
abstract contract EndpointOutbox is EndpointFees {
    using MerkleTree for MerkleTree.Tree;
    using MessageCodec for address;
    using MessageCodec for bytes;

    MerkleTree.Tree private _tree;
    mapping(bytes32 channel => uint64) private _outboundNonces;

    /// @inheritdoc IEndpoint
    function send(
        uint32 destination,
        bytes32 recipient,
        bytes calldata body,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable whenNotPaused returns (bytes32 id, uint64 nonce) {
        // CHECKS
        if (body.length > MessageCodec.MAX_BODY_LENGTH) {
            revert EndpointBodyTooLarge(body.length, MessageCodec.MAX_BODY_LENGTH);
        }
        uint256 fee = _quote(destination, body.length, gasLimit, ackGasLimit);
        if (msg.value < fee) revert EndpointFeeTooLow(fee, msg.value);

        // EFFECTS: the fee stays in the endpoint's balance.
        (id, nonce) = _sendMessage(destination, recipient, body, gasLimit, ackGasLimit, deadline);

        // INTERACTIONS: refund the excess last.
        if (msg.value > fee) {
            uint256 excess;
            // Safe: msg.value > fee.
            unchecked {
                excess = msg.value - fee;
            }
            (bool ok, ) = payable(msg.sender).call{value: excess}("");
            if (!ok) revert EndpointRefundFailed(msg.sender, excess);
        }
    }

    /// @inheritdoc IEndpoint
    function addFee(bytes calldata message) external payable {
        // CHECKS: a message this endpoint sent (its channel reached its nonce), and a payment.
        // A mistyped message reverts instead of swallowing the funds; nothing is stored.
        _checkHeader(message);
        _checkBody(message);
        bytes32 id = message.id();
        uint32 origin = message.origin();
        if (origin != localDomain()) revert EndpointWrongOrigin(localDomain(), origin);
        uint64 nonce = message.nonce();
        uint64 sent = _outboundNonces[message.channel()];
        if (nonce == 0 || nonce > sent) revert EndpointMessageNotSent(id, nonce, sent);
        if (msg.value == 0) revert EndpointZeroFee(id);

        // EFFECTS: the fee stays in the endpoint's balance, like a send fee.
        emit FeeAdded(id, msg.value);
    }

    /// @inheritdoc IEndpoint
    function outboundNonce(bytes32 channel) external view returns (uint64) {
        return _outboundNonces[channel];
    }

    /// @inheritdoc IEndpoint
    function merkleRoot() external view returns (bytes32) {
        return _tree.root();
    }

    /// @inheritdoc IEndpoint
    function merkleCount() external view returns (uint32) {
        // Safe cast: the tree holds at most 2^32 - 1 leaves.
        return uint32(_tree.count);
    }

    /// @inheritdoc IEndpoint
    function latestCheckpoint() external view returns (bytes32 root, uint32 index) {
        uint256 count = _tree.count;
        if (count == 0) revert EndpointEmptyTree();
        root = _tree.root();
        // Safe: 0 < count < 2^32.
        unchecked {
            index = uint32(count - 1);
        }
    }

    /// @dev Encodes a message from `msg.sender`, takes its nonce and inserts it into the tree.
    function _sendMessage(
        uint32 destination,
        bytes32 recipient,
        bytes calldata body,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) private returns (bytes32 id, uint64 nonce) {
        bytes32 sender = msg.sender.toBytes32();
        nonce = _nextOutboundNonce(
            MessageCodec.channelKey(localDomain(), sender, destination, recipient, 0)
        );
        bytes memory message = MessageCodec.encode(
            ackGasLimit == 0 ? 0 : MessageCodec.FLAG_ACK_REQUESTED,
            localDomain(),
            sender,
            destination,
            recipient,
            MessageCodec.packLimits(nonce, deadline, gasLimit, ackGasLimit),
            body
        );
        id = _insert(message, destination, recipient, nonce);
    }

    /// @dev Takes the next nonce of an outbound channel (the first is 1).
    function _nextOutboundNonce(bytes32 channel) internal returns (uint64 nonce) {
        nonce = _outboundNonces[channel] + 1;
        _outboundNonces[channel] = nonce;
    }

    /// @dev Inserts the id of an encoded message into the tree and announces it.
    function _insert(
        bytes memory message,
        uint32 destination,
        bytes32 recipient,
        uint64 nonce
    ) internal returns (bytes32 id) {
        id = keccak256(message);
        uint32 leafIndex = _tree.insert(id);
        emit MessageSent(id, destination, recipient, nonce, leafIndex, message);
    }
}
