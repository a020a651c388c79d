// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {IFerryReceiver} from "../interfaces/IFerryReceiver.sol";

/**
 * @title EndpointApp
 * @notice Base of a Ferry app: one trusted peer app per remote domain, handlers that only the
 * endpoint may call and only for messages (and acks) from a peer, and `_send` to a peer.
 * Override {_handle} and {_handleAck}; the external entry points do the checks.
 *
 * {handle} returns `_handle`'s bytes RAW (not ABI-encoded), so the endpoint records exactly
 * them as the message's result, and the ack carries exactly them back to the sender.
 */
abstract contract EndpointApp is IFerryReceiver, Ownable {
    /// @notice The endpoint this app sends through and receives from.
    IEndpoint public immutable endpoint;

    mapping(uint32 domain => bytes32) private _peers;

    /// @notice The owner set the peer on a domain (zero removes it).
    /// @param domain The remote domain.
    /// @param peer The peer app there, as bytes32.
    event PeerSet(uint32 indexed domain, bytes32 peer);

    /// @notice A handler was called by someone other than the endpoint.
    /// @param caller The caller.
    error EndpointAppNotEndpoint(address caller);

    /// @notice A message or ack came from an app that is not the peer on its origin.
    /// @param origin The origin domain.
    /// @param sender The sending app.
    error EndpointAppNotPeer(uint32 origin, bytes32 sender);

    /// @notice No peer is set for the destination.
    /// @param domain The destination domain.
    error EndpointAppNoPeer(uint32 domain);

    /// @notice This contract's balance cannot pay the fee.
    /// @param fee The fee.
    /// @param balance The balance.
    error EndpointAppInsufficientBalance(uint256 fee, uint256 balance);

    modifier onlyEndpoint() {
        if (msg.sender != address(endpoint)) revert EndpointAppNotEndpoint(msg.sender);
        _;
    }

    /// @param endpoint_ The endpoint.
    /// @param owner_ The app's owner (sets peers and the verifier override).
    constructor(IEndpoint endpoint_, address owner_) Ownable(owner_) {
        endpoint = endpoint_;
    }

    /// @notice Receives fee refunds from the endpoint and funding for fees paid from the balance.
    receive() external payable virtual {}

    // ---------------------------------------------------------------- configuration

    /**
     * @notice Sets the peer app on `domain`; zero removes it. Only the owner.
     * @param domain The remote domain.
     * @param peer The peer, as bytes32.
     */
    function setPeer(uint32 domain, bytes32 peer) external onlyOwner {
        _peers[domain] = peer;
        emit PeerSet(domain, peer);
    }

    /**
     * @notice Sets this app's verifier for messages from `origin` at the endpoint (zero clears
     * the override). Only the owner.
     * @param origin The origin domain.
     * @param verifier The verifier, or zero.
     */
    function setVerifier(uint32 origin, address verifier) external onlyOwner {
        endpoint.setAppVerifier(origin, verifier);
    }

    /// @notice The peer app on `domain` (zero if none).
    /// @param domain The remote domain.
    function peers(uint32 domain) public view returns (bytes32) {
        return _peers[domain];
    }

    /**
     * @notice The fee of sending `bodyLength` bytes to the peer on `destination`.
     * @param destination The destination domain.
     * @param bodyLength The body length.
     * @param gasLimit The handler gas.
     * @param ackGasLimit The ack handler gas; 0 for no ack.
     */
    function quote(
        uint32 destination,
        uint256 bodyLength,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) external view returns (uint256) {
        return _quote(destination, bodyLength, gasLimit, ackGasLimit);
    }

    // ---------------------------------------------------------------- handlers

    /// @inheritdoc IFerryReceiver
    /// @dev Returns `_handle`'s result raw (see the contract NatSpec).
    function handle(
        uint32 origin,
        bytes32 sender,
        uint64 nonce,
        bytes calldata body
    ) external onlyEndpoint {
        if (sender == bytes32(0) || sender != _peers[origin])
            revert EndpointAppNotPeer(origin, sender);
        bytes memory result = _handle(origin, sender, nonce, body);
        assembly ("memory-safe") {
            return(add(result, 0x20), mload(result))
        }
    }

    /// @inheritdoc IFerryReceiver
    /// @dev The ack's origin and sender come from `IEndpoint.ackContext`.
    function handleAck(
        bytes32 originalId,
        uint8 status,
        bytes calldata result
    ) external onlyEndpoint {
        (uint32 origin, bytes32 sender) = endpoint.ackContext();
        if (sender == bytes32(0) || sender != _peers[origin])
            revert EndpointAppNotPeer(origin, sender);
        _handleAck(originalId, status, result);
    }

    // ---------------------------------------------------------------- hooks

    /**
     * @dev Handles a message from the peer on `origin`.
     * @return result Bytes recorded as the message's result (and returned in its ack).
     */
    function _handle(
        uint32 origin,
        bytes32 sender,
        uint64 nonce,
        bytes calldata body
    ) internal virtual returns (bytes memory result);

    /// @dev Handles the ack of a message this app sent with an ack request.
    function _handleAck(bytes32 originalId, uint8 status, bytes calldata result) internal virtual;

    // ---------------------------------------------------------------- sending

    /**
     * @dev Sends `body` to the peer on `destination`, paying `fee` from this contract's balance
     * (any excess over the quote comes back to this contract).
     */
    function _send(
        uint32 destination,
        bytes memory body,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline,
        uint256 fee
    ) internal returns (bytes32 id, uint64 nonce) {
        bytes32 peer = _peers[destination];
        if (peer == bytes32(0)) revert EndpointAppNoPeer(destination);
        if (fee > address(this).balance)
            revert EndpointAppInsufficientBalance(fee, address(this).balance);
        // IEndpoint.send, not address.send: its failures revert.
        // solhint-disable-next-line check-send-result
        return endpoint.send{value: fee}(destination, peer, body, gasLimit, ackGasLimit, deadline);
    }

    /// @dev The endpoint's quote for a message to `destination`.
    function _quote(
        uint32 destination,
        uint256 bodyLength,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) internal view returns (uint256) {
        return endpoint.quote(destination, bodyLength, gasLimit, ackGasLimit);
    }
}
