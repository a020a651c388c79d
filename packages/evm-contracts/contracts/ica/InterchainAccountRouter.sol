// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ERC165Checker} from "@openzeppelin/contracts/utils/introspection/ERC165Checker.sol";
import {EndpointApp} from "../app/EndpointApp.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {IInterchainAccountFactory} from "../interfaces/IInterchainAccountFactory.sol";
import {IInterchainAccountRouterErrors} from "../interfaces/IInterchainAccountRouterErrors.sol";
import {IInterchainCaller} from "../interfaces/IInterchainCaller.sol";
import {MessageStatus} from "../libs/MessageStatus.sol";
import {RemoteCallCodec} from "../libs/RemoteCallCodec.sol";
import {InterchainAccount} from "./InterchainAccount.sol";

/**
 * @title InterchainAccountRouter
 * @notice Typed remote calls over Ferry (spec/apps/interchain-accounts.md). On the origin,
 * `callRemote` sends a batch of calls that the caller's interchain account makes on the
 * destination, and `readRemote` a batch of static calls the destination's router makes itself;
 * the caller is the batch's owner (`msg.sender`, never chosen). On the destination, the router
 * runs the batch atomically and returns `abi.encode(bytes[] results)` as the message's result,
 * which the ack carries back: a caller contract that opted in ({IInterchainCaller}) receives it
 * in a callback paid by the ack gas it prepaid.
 *
 * Accounts come from a long-lived {IInterchainAccountFactory}: replacing this router (the
 * factory's owner names a new one) keeps every account's address, and the old router can no
 * longer command them.
 */
contract InterchainAccountRouter is EndpointApp, IInterchainAccountRouterErrors {
    using RemoteCallCodec for bytes;

    /// @notice Longest encoded result a batch may return: a message result's limit (PROTOCOL §7).
    uint256 public constant MAX_RESULT_LENGTH = 1_024;

    IInterchainAccountFactory private immutable _factory;
    /// @dev The factory's implementation, kept here to compute account addresses locally.
    address private immutable _implementation;

    /// @dev Senders to call back on the ack, by message id (only contracts that opted in).
    mapping(bytes32 id => address caller) private _callers;

    /// @notice A batch was sent.
    /// @param id The message id.
    /// @param destination The destination domain.
    /// @param owner The batch's owner (the caller).
    /// @param kind 1 CALL or 2 READ.
    event RemoteCallSent(
        bytes32 indexed id,
        uint32 indexed destination,
        address indexed owner,
        uint8 kind
    );

    /// @notice A batch's result was handed to its owner's callback.
    /// @param id The message id.
    /// @param owner The owner called back.
    /// @param ok Whether the batch was Executed (else it TimedOut).
    event RemoteResultDelivered(bytes32 indexed id, address indexed owner, bool ok);

    /// @notice A body whose version is not 1.
    /// @param version The version.
    error InterchainAccountRouterUnknownVersion(uint8 version);

    /// @notice A kind that is neither CALL (1) nor READ (2).
    /// @param kind The kind.
    error InterchainAccountRouterUnknownKind(uint8 kind);

    /// @notice A body shorter than its 34-byte header.
    /// @param length The body's length.
    error InterchainAccountRouterMalformedBody(uint256 length);

    /// @notice A read carries native value.
    /// @param index The call's position in the batch.
    /// @param value The value.
    error InterchainAccountRouterReadWithValue(uint256 index, uint256 value);

    /// @notice The batch's encoded results do not fit a message result; nothing sticks.
    /// @param length Their length.
    /// @param max {MAX_RESULT_LENGTH}.
    error InterchainAccountRouterResultTooLarge(uint256 length, uint256 max);

    /// @notice The refund of an overpaid fee was refused.
    /// @param to The caller.
    /// @param amount The refund.
    error InterchainAccountRouterRefundFailed(address to, uint256 amount);

    /// @notice The owner's callback reverted: the ack is Failed, and retrying it calls again.
    /// @param id The batch's message id.
    /// @param owner The owner.
    /// @param reason The callback's revert data (at most 896 bytes).
    error InterchainAccountRouterCallbackFailed(bytes32 id, address owner, bytes reason);

    /**
     * @param endpoint_ The endpoint.
     * @param factory_ The account factory (on the destination side; its owner names this router).
     * @param owner_ Sets the peers.
     */
    constructor(
        IEndpoint endpoint_,
        IInterchainAccountFactory factory_,
        address owner_
    ) EndpointApp(endpoint_, owner_) {
        _factory = factory_;
        _implementation = factory_.implementation();
    }

    // ---------------------------------------------------------------- origin side

    /**
     * @notice Sends `calls` to be made by the caller's interchain account on `destination` (an
     * EVM chain). Pays the fee from `msg.value` ({quoteCallRemote}) and refunds the excess.
     * @param destination The destination domain.
     * @param calls The batch; each `value` comes from the account's balance there.
     * @param gasLimit Gas for the batch on the destination (include ~60k on first use: it
     * deploys the account).
     * @param ackGasLimit Gas for the ack back here (and the callback); 0 for no ack.
     * @param deadline Unix time on the destination after which the batch times out; 0 none.
     * @return id The message id.
     */
    function callRemote(
        uint32 destination,
        RemoteCallCodec.Call[] calldata calls,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32 id) {
        return
            _sendBatch(
                destination,
                RemoteCallCodec.KIND_CALL,
                abi.encode(calls),
                gasLimit,
                ackGasLimit,
                deadline
            );
    }

    /**
     * @notice Sends `calls` to be made as static calls by the router on `destination` (an EVM
     * chain), at the delivery block; their results come back in the ack.
     * @param destination The destination domain.
     * @param calls The reads; every `value` must be 0.
     * @param gasLimit Gas for the reads on the destination.
     * @param ackGasLimit Gas for the ack back here (and the callback); 0 for no ack.
     * @param deadline Unix time on the destination after which the read times out; 0 none.
     * @return id The message id.
     */
    function readRemote(
        uint32 destination,
        RemoteCallCodec.Call[] calldata calls,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32 id) {
        for (uint256 i; i < calls.length; ++i) {
            if (calls[i].value != 0) revert InterchainAccountRouterReadWithValue(i, calls[i].value);
        }
        return
            _sendBatch(
                destination,
                RemoteCallCodec.KIND_READ,
                abi.encode(calls),
                gasLimit,
                ackGasLimit,
                deadline
            );
    }

    /**
     * @notice Sends a batch whose payload is already encoded for its destination: for a
     * CosmWasm chain, the JSON array of the spec; for an EVM chain, `abi.encode(Call[])`.
     * @param destination The destination domain.
     * @param kind 1 CALL or 2 READ.
     * @param payload The payload, sent as is.
     * @param gasLimit Gas for the batch on the destination.
     * @param ackGasLimit Gas for the ack back here (and the callback); 0 for no ack.
     * @param deadline Unix time on the destination after which the batch times out; 0 none.
     * @return id The message id.
     */
    function callRemoteRaw(
        uint32 destination,
        uint8 kind,
        bytes calldata payload,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) external payable returns (bytes32 id) {
        if (kind != RemoteCallCodec.KIND_CALL && kind != RemoteCallCodec.KIND_READ) {
            revert InterchainAccountRouterUnknownKind(kind);
        }
        return _sendBatch(destination, kind, payload, gasLimit, ackGasLimit, deadline);
    }

    /**
     * @notice The fee of {callRemote} (or {readRemote}) with these calls.
     * @param destination The destination domain.
     * @param calls The batch.
     * @param gasLimit Gas for the batch on the destination.
     * @param ackGasLimit Gas for the ack; 0 for no ack.
     */
    function quoteCallRemote(
        uint32 destination,
        RemoteCallCodec.Call[] calldata calls,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) external view returns (uint256) {
        uint256 bodyLength = RemoteCallCodec.PAYLOAD_OFFSET + abi.encode(calls).length;
        return _quote(destination, bodyLength, gasLimit, ackGasLimit);
    }

    /**
     * @notice The fee of {callRemoteRaw} with a payload of `payloadLength` bytes.
     * @param destination The destination domain.
     * @param payloadLength The payload's length.
     * @param gasLimit Gas for the batch on the destination.
     * @param ackGasLimit Gas for the ack; 0 for no ack.
     */
    function quoteCallRemoteRaw(
        uint32 destination,
        uint256 payloadLength,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) external view returns (uint256) {
        return
            _quote(
                destination,
                RemoteCallCodec.PAYLOAD_OFFSET + payloadLength,
                gasLimit,
                ackGasLimit
            );
    }

    /**
     * @notice The contract called back with the result of message `id` (zero: none, or already
     * called back).
     * @param id The message id.
     */
    function callbackOf(bytes32 id) external view returns (address) {
        return _callers[id];
    }

    // ---------------------------------------------------------------- destination side

    /// @notice The account factory.
    function factory() external view returns (address) {
        return address(_factory);
    }

    /**
     * @notice The interchain account on this chain of `owner` on `origin` (deployed or not); the
     * factory's address, computed here.
     * @param origin The owner's domain.
     * @param owner The owner, as bytes32 (PROTOCOL §2).
     */
    function accountAddress(uint32 origin, bytes32 owner) public view returns (address) {
        return
            Clones.predictDeterministicAddress(
                _implementation,
                keccak256(abi.encodePacked(origin, owner)),
                address(_factory)
            );
    }

    // ---------------------------------------------------------------- hooks

    /// @dev Runs the batch; its results, `abi.encode(bytes[])`, are the message's result.
    function _handle(
        uint32 origin,
        bytes32,
        uint64,
        bytes calldata body
    ) internal override returns (bytes memory result) {
        if (body.length < RemoteCallCodec.PAYLOAD_OFFSET) {
            revert InterchainAccountRouterMalformedBody(body.length);
        }
        uint8 version = body.version();
        if (version != RemoteCallCodec.VERSION)
            revert InterchainAccountRouterUnknownVersion(version);
        uint8 kind = body.kind();
        if (kind != RemoteCallCodec.KIND_CALL && kind != RemoteCallCodec.KIND_READ) {
            revert InterchainAccountRouterUnknownKind(kind);
        }
        RemoteCallCodec.Call[] calldata calls = RemoteCallCodec.decodeCalls(body.payload());
        if (kind == RemoteCallCodec.KIND_CALL) {
            // The account returns `abi.encode(bytes[] results)`, the result as is: pass its
            // return data on without decoding and re-encoding it, and its revert data likewise.
            bool ok;
            (ok, result) = _deployedAccount(origin, body.owner()).call(
                abi.encodeCall(InterchainAccount.execute, (calls))
            );
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(result, 0x20), mload(result))
                }
            }
        } else {
            result = abi.encode(_read(calls));
        }
        if (result.length > MAX_RESULT_LENGTH) {
            revert InterchainAccountRouterResultTooLarge(result.length, MAX_RESULT_LENGTH);
        }
    }

    /**
     * @dev Calls back the batch's owner if it opted in. A callback that reverts (or runs out of
     * the ack's gas) reverts the ack handler: the ack is Failed, which blocks nothing (PROTOCOL
     * §7), and anyone may retry it, with more gas, through the endpoint.
     */
    function _handleAck(bytes32 id, uint8 status, bytes calldata result) internal override {
        address caller = _callers[id];
        if (caller == address(0)) return;
        delete _callers[id];

        bool ok = status == MessageStatus.EXECUTED;
        bytes[] memory results;
        if (ok) {
            results = abi.decode(result, (bytes[]));
        } else {
            results = new bytes[](1);
            results[0] = result;
        }
        (bool called, bytes memory reason) = _callBack(
            caller,
            abi.encodeCall(IInterchainCaller.onRemoteResult, (id, ok, results))
        );
        if (!called) revert InterchainAccountRouterCallbackFailed(id, caller, reason);
        emit RemoteResultDelivered(id, caller, ok);
    }

    // ---------------------------------------------------------------- internals

    /// @dev Encodes the body with the caller as owner, sends it paying `msg.value`, records the
    /// callback and refunds what the endpoint returned.
    function _sendBatch(
        uint32 destination,
        uint8 kind,
        bytes memory payload,
        uint32 gasLimit,
        uint32 ackGasLimit,
        uint64 deadline
    ) private returns (bytes32 id) {
        // CHECKS and EFFECTS: the endpoint checks the limits and the fee, and refunds any excess
        // to this contract, which passes it on.
        uint256 kept = address(this).balance - msg.value;
        (id, ) = _send(
            destination,
            RemoteCallCodec.encode(kind, bytes32(uint256(uint160(msg.sender))), payload),
            gasLimit,
            ackGasLimit,
            deadline,
            msg.value
        );
        if (ackGasLimit != 0 && _wantsCallback(msg.sender)) _callers[id] = msg.sender;
        emit RemoteCallSent(id, destination, msg.sender, kind);

        // INTERACTIONS: the refund last.
        uint256 refund = address(this).balance - kept;
        if (refund != 0) {
            (bool ok, ) = payable(msg.sender).call{value: refund}("");
            if (!ok) revert InterchainAccountRouterRefundFailed(msg.sender, refund);
        }
    }

    /// @dev Whether `caller` is a contract that opted in to callbacks (ERC-165).
    function _wantsCallback(address caller) private view returns (bool) {
        return
            caller.code.length != 0 &&
            ERC165Checker.supportsERC165InterfaceUnchecked(
                caller,
                type(IInterchainCaller).interfaceId
            );
    }

    /// @dev The account of `owner` on `origin`, deployed through the factory on first use.
    function _deployedAccount(uint32 origin, bytes32 owner) private returns (address account) {
        account = accountAddress(origin, owner);
        if (account.code.length == 0) _factory.deployAccount(origin, owner);
    }

    /// @dev Static-calls each target; the first failure fails the batch.
    function _read(
        RemoteCallCodec.Call[] calldata calls
    ) private view returns (bytes[] memory results) {
        uint256 count = calls.length;
        results = new bytes[](count);
        for (uint256 i; i < count; ++i) {
            RemoteCallCodec.Call calldata call = calls[i];
            if (call.value != 0) revert InterchainAccountRouterReadWithValue(i, call.value);
            (bool isAddress, address target) = RemoteCallCodec.toAddress(call.target);
            if (!isAddress) revert InterchainAccountRouterInvalidTarget(i, call.target);
            (bool ok, bytes memory data) = target.staticcall(call.data);
            if (!ok) revert InterchainAccountRouterCallFailed(i, _cut(data));
            results[i] = data;
        }
    }

    /// @dev Calls `target` with `data` and all gas left; copies at most 896 bytes of revert data.
    function _callBack(
        address target,
        bytes memory data
    ) private returns (bool ok, bytes memory reason) {
        assembly ("memory-safe") {
            ok := call(gas(), target, 0, add(data, 0x20), mload(data), 0, 0)
            let size := returndatasize()
            if gt(size, 896) {
                size := 896
            }
            reason := mload(0x40)
            mstore(reason, size)
            returndatacopy(add(reason, 0x20), 0, size)
            mstore(0x40, add(add(reason, 0x20), and(add(size, 0x1f), not(0x1f))))
        }
    }

    /// @dev `data` cut to 896 bytes in place, so that the error carrying it fits a result.
    function _cut(bytes memory data) private pure returns (bytes memory) {
        if (data.length > 896) {
            assembly ("memory-safe") {
                mstore(data, 896)
            }
        }
        return data;
    }
}
