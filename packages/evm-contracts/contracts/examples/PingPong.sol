// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {EndpointApp} from "../app/EndpointApp.sol";

/**
 * @title PingPong
 * @notice Example app. `ping` sends "ping" to the peer with an ack request; the peer's handler
 * replies "pong" from inside the handler (paying from its own balance) and returns the pong's
 * nonce (8 bytes), which comes back as the ack's result. Acks and pongs are counted. The ack
 * record is packed so that even the first ack fits {ACK_GAS_LIMIT}.
 */
contract PingPong is EndpointApp {
    /// @notice Handler gas of a ping (it sends the pong).
    uint32 public constant PING_GAS_LIMIT = 300_000;
    /// @notice Handler gas of a pong.
    uint32 public constant PONG_GAS_LIMIT = 100_000;
    /// @notice Handler gas of a ping's ack.
    uint32 public constant ACK_GAS_LIMIT = 100_000;

    bytes32 private constant _PING = keccak256("ping");
    bytes32 private constant _PONG = keccak256("pong");

    uint256 private _pingsReceived;
    uint256 private _pongsReceived;
    uint248 private _acksReceived;
    uint8 private _lastAckStatus;
    bytes32 private _lastAckId;
    bytes private _lastAckResult;

    /// @notice A ping was sent.
    /// @param id The ping's id.
    /// @param destination The destination domain.
    event PingSent(bytes32 indexed id, uint32 indexed destination);

    /// @notice A ping arrived and a pong was sent back.
    /// @param origin The ping's origin.
    /// @param pongId The pong's id.
    /// @param pongNonce The pong's nonce.
    event PongSent(uint32 indexed origin, bytes32 indexed pongId, uint64 pongNonce);

    /// @notice A pong arrived.
    /// @param origin The pong's origin.
    event PongReceived(uint32 indexed origin);

    /// @notice The ack of a ping arrived.
    /// @param pingId The ping's id.
    /// @param status Its final status.
    /// @param result Its result (the pong's nonce, 8 bytes, when Executed).
    event AckReceived(bytes32 indexed pingId, uint8 status, bytes result);

    /// @notice A body that is neither "ping" nor "pong".
    /// @param body The body.
    error PingPongUnknownBody(bytes body);

    /// @param endpoint_ The endpoint.
    /// @param owner_ The owner.
    constructor(IEndpoint endpoint_, address owner_) EndpointApp(endpoint_, owner_) {}

    /**
     * @notice Sends "ping" to the peer on `destination`, asking for an ack; the fee comes from
     * `msg.value` and this contract's balance.
     * @param destination The destination domain.
     * @return id The ping's id.
     */
    function ping(uint32 destination) external payable returns (bytes32 id) {
        uint256 fee = _quote(destination, 4, PING_GAS_LIMIT, ACK_GAS_LIMIT);
        (id, ) = _send(destination, "ping", PING_GAS_LIMIT, ACK_GAS_LIMIT, 0, fee);
        emit PingSent(id, destination);
    }

    /// @notice Pings received.
    function pingsReceived() external view returns (uint256) {
        return _pingsReceived;
    }

    /// @notice Pongs received.
    function pongsReceived() external view returns (uint256) {
        return _pongsReceived;
    }

    /**
     * @notice Acks received and the last one.
     * @return count Acks received.
     * @return lastId The last acknowledged ping's id.
     * @return lastStatus Its status.
     * @return lastResult Its result.
     */
    function acks()
        external
        view
        returns (uint256 count, bytes32 lastId, uint8 lastStatus, bytes memory lastResult)
    {
        return (_acksReceived, _lastAckId, _lastAckStatus, _lastAckResult);
    }

    /// @dev "ping": reply "pong" (paid from the balance) and return the pong's nonce; "pong":
    /// count.
    function _handle(
        uint32 origin,
        bytes32,
        uint64,
        bytes calldata body
    ) internal override returns (bytes memory) {
        bytes32 kind = keccak256(body);
        if (kind == _PING) {
            ++_pingsReceived;
            uint256 fee = _quote(origin, 4, PONG_GAS_LIMIT, 0);
            (bytes32 pongId, uint64 pongNonce) = _send(origin, "pong", PONG_GAS_LIMIT, 0, 0, fee);
            emit PongSent(origin, pongId, pongNonce);
            return abi.encodePacked(pongNonce);
        }
        if (kind == _PONG) {
            ++_pongsReceived;
            emit PongReceived(origin);
            return "";
        }
        revert PingPongUnknownBody(body);
    }

    /// @dev Records the ack.
    function _handleAck(bytes32 originalId, uint8 status, bytes calldata result) internal override {
        ++_acksReceived;
        _lastAckId = originalId;
        _lastAckStatus = status;
        _lastAckResult = result;
        emit AckReceived(originalId, status, result);
    }
}
