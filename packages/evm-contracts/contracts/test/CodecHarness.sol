// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CheckpointLib} from "../libs/CheckpointLib.sol";
import {MerkleBranch} from "../libs/MerkleBranch.sol";
import {MerkleTree} from "../libs/MerkleTree.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";

/**
 * @title CodecHarness
 * @notice Test-only: exposes the codec libraries so the shared vectors can be checked against
 * the Solidity code, and holds a tree to insert leaves into.
 */
contract CodecHarness {
    using MerkleTree for MerkleTree.Tree;
    using MessageCodec for bytes;

    /// @notice A decoded header.
    struct Header {
        uint8 version;
        uint8 flags;
        uint32 origin;
        bytes32 sender;
        uint32 destination;
        bytes32 recipient;
        uint64 nonce;
        uint64 deadline;
        uint32 gasLimit;
        uint32 ackGasLimit;
    }

    MerkleTree.Tree private _tree;

    /// @notice Encodes a message (version 1).
    function encode(Header calldata h, bytes calldata body) external pure returns (bytes memory) {
        return
            MessageCodec.encode(
                h.flags,
                h.origin,
                h.sender,
                h.destination,
                h.recipient,
                MessageCodec.packLimits(h.nonce, h.deadline, h.gasLimit, h.ackGasLimit),
                body
            );
    }

    /// @notice Encodes an ack message.
    function encodeAck(
        Header calldata h,
        bytes32 originalId,
        uint8 status,
        bytes calldata result
    ) external pure returns (bytes memory) {
        return
            MessageCodec.encodeAck(
                h.origin,
                h.sender,
                h.destination,
                h.recipient,
                MessageCodec.packLimits(h.nonce, 0, h.gasLimit, 0),
                originalId,
                status,
                result
            );
    }

    /// @notice Decodes a message.
    function decode(bytes calldata m) external pure returns (Header memory h, bytes memory body) {
        h = Header(
            m.version(),
            m.flags(),
            m.origin(),
            m.sender(),
            m.destination(),
            m.recipient(),
            m.nonce(),
            m.deadline(),
            m.gasLimit(),
            m.ackGasLimit()
        );
        body = m.body();
    }

    /// @notice `keccak256(message)`.
    function id(bytes calldata m) external pure returns (bytes32) {
        return m.id();
    }

    /// @notice The channel of a message.
    function channel(bytes calldata m) external pure returns (bytes32) {
        return m.channel();
    }

    /// @notice The channel key of its parts.
    function channelKey(
        uint32 origin,
        bytes32 sender,
        uint32 destination,
        bytes32 recipient,
        uint8 kind
    ) external pure returns (bytes32) {
        return MessageCodec.channelKey(origin, sender, destination, recipient, kind);
    }

    /// @notice Encodes an ack body.
    function encodeAckBody(
        bytes32 originalId,
        uint8 status,
        bytes calldata result
    ) external pure returns (bytes memory) {
        return MessageCodec.encodeAckBody(originalId, status, result);
    }

    /// @notice Decodes an ack body.
    function decodeAckBody(
        bytes calldata ackBody
    ) external pure returns (bytes32 originalId, uint8 status, bytes memory result) {
        return MessageCodec.decodeAckBody(ackBody);
    }

    /// @notice Inserts leaves into the harness's tree; returns the root after each insert.
    function insert(bytes32[] calldata leaves) external returns (bytes32[] memory roots) {
        roots = new bytes32[](leaves.length);
        for (uint256 i; i < leaves.length; ++i) {
            _tree.insert(leaves[i]);
            roots[i] = _tree.root();
        }
    }

    /// @notice The tree's root.
    function root() external view returns (bytes32) {
        return _tree.root();
    }

    /// @notice The tree's leaf count.
    function count() external view returns (uint256) {
        return _tree.count;
    }

    /// @notice The root from a leaf, its compact branch (siblings not masked, bottom first),
    /// index and zero mask; a full branch is the one with mask 0.
    function branchRoot(
        bytes32 leaf,
        bytes calldata siblings,
        uint256 index,
        uint32 zeroMask
    ) external pure returns (bytes32) {
        return MerkleBranch.branchRoot(leaf, siblings, index, zeroMask);
    }

    /// @notice The checkpoint domain hash.
    function domainHash(uint32 origin, bytes32 originEndpoint) external pure returns (bytes32) {
        return CheckpointLib.domainHash(origin, originEndpoint);
    }

    /// @notice The checkpoint digest.
    function digest(
        bytes32 domainHash_,
        bytes32 root_,
        uint32 index
    ) external pure returns (bytes32) {
        return CheckpointLib.digest(domainHash_, root_, index);
    }

    /// @notice The EIP-191 hash of a digest.
    function ethSignedHash(bytes32 digest_) external pure returns (bytes32) {
        return CheckpointLib.ethSignedHash(digest_);
    }
}
