// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";

/**
 * @title EndpointBase
 * @notice What every part of the endpoint shares: the local domain, the owner (two-step
 * transfer), the pause switch, which blocks send, deliver, deliverBatch, retry and timeout, and
 * the well-formedness checks of PROTOCOL.md §3, which delivery and fee top-ups both apply.
 */
abstract contract EndpointBase is IEndpoint, Ownable2Step, Pausable {
    using MessageCodec for bytes;

    uint32 private immutable _localDomain;

    /// @param localDomain_ This chain's Ferry domain.
    /// @param owner_ The owner (sets verifiers, fee roles, pauses).
    constructor(uint32 localDomain_, address owner_) Ownable(owner_) {
        _localDomain = localDomain_;
    }

    /// @inheritdoc IEndpoint
    function localDomain() public view returns (uint32) {
        return _localDomain;
    }

    /// @notice Pauses sending and delivery. Only the owner.
    function pause() external onlyOwner {
        _pause();
    }

    /// @notice Resumes sending and delivery. Only the owner.
    function unpause() external onlyOwner {
        _unpause();
    }

    /**
     * @dev Rejects a malformed header (PROTOCOL.md §3): too short, a wrong version, unknown flags,
     * an ack that requests an ack, ACK_REQUESTED not set exactly when `ackGasLimit > 0`. Split
     * from {_checkBody} so that delivery checks the destination in between, as it always has.
     */
    function _checkHeader(bytes calldata message) internal pure {
        uint256 length = message.length;
        if (length < MessageCodec.BODY_OFFSET) revert EndpointMessageTooShort(length);
        uint8 version = message.version();
        if (version != MessageCodec.VERSION) revert EndpointWrongVersion(version);
        uint8 flags = message.flags();
        if (flags & ~MessageCodec.KNOWN_FLAGS != 0) revert EndpointUnknownFlags(flags);
        if (flags == MessageCodec.KNOWN_FLAGS) revert EndpointAckRequestsAck(flags);
        uint32 ackGasLimit = message.ackGasLimit();
        if ((flags & MessageCodec.FLAG_ACK_REQUESTED != 0) != (ackGasLimit != 0)) {
            revert EndpointAckRequestMismatch(flags, ackGasLimit);
        }
    }

    /**
     * @dev Rejects a malformed body (PROTOCOL.md §3) of a message whose header passed
     * {_checkHeader}: over the limit, or an ack body without `originalId | status`.
     */
    function _checkBody(bytes calldata message) internal pure {
        uint256 bodyLength;
        // Safe: the header check ensured length >= BODY_OFFSET.
        unchecked {
            bodyLength = message.length - MessageCodec.BODY_OFFSET;
        }
        if (bodyLength > MessageCodec.MAX_BODY_LENGTH) {
            revert EndpointBodyTooLarge(bodyLength, MessageCodec.MAX_BODY_LENGTH);
        }
        if (message.isAck() && bodyLength < MessageCodec.ACK_RESULT_OFFSET) {
            revert EndpointMalformedAck(bodyLength);
        }
    }
}
