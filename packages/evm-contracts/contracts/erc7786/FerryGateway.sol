// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    IERC7786GatewaySource,
    IERC7786Recipient
} from "@openzeppelin/contracts/interfaces/draft-IERC7786.sol";
import {InteroperableAddress} from "@openzeppelin/contracts/utils/draft-InteroperableAddress.sol";
import {EndpointApp} from "../app/EndpointApp.sol";
import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {GatewayCodec} from "../libs/GatewayCodec.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";

/**
 * @title FerryGateway
 * @notice An ERC-7786 gateway over Ferry (spec/apps/erc7786-gateway.md): contracts written
 * against ERC-7786 (OpenZeppelin's `BridgeERC20`, `ERC20Crosschain`, `CrosschainRemoteExecutor`,
 * `GovernorCrosschain`, ...) send and receive through it unchanged. It is an {EndpointApp} whose
 * peers are the gateways on other domains: `sendMessage` carries the ERC-7786 sender, recipient
 * and payload to the peer gateway of the recipient's chain, which calls the recipient's
 * `receiveMessage` with the Ferry message id as `receiveId` and the sender as an ERC-7930
 * interoperable address.
 *
 * Chains are named by ERC-7930 chain-only addresses (chain type and reference), which the owner
 * maps to Ferry domains ({setChain}); a recipient on an unmapped chain is refused.
 *
 * Fees: `sendMessage` is payable with the Ferry fee ({quoteMessage}) and refunds the excess; a
 * call without value (OpenZeppelin's bridges and governor send none) parks the message and
 * returns a non-zero `sendId`, and anyone sends it later with {payPending}: ERC-7786's "further
 * action". A paid message is sent at once and `sendMessage` returns 0, as ERC-7786 asks.
 */
contract FerryGateway is EndpointApp, IERC7786GatewaySource {
    using GatewayCodec for bytes;

    /// @notice Attribute `minGasLimit(uint256)` (ERC-7985): gas the recipient's `receiveMessage`
    /// gets at least; `0x39f87ba1`.
    bytes4 public constant MIN_GAS_LIMIT_ATTRIBUTE = bytes4(keccak256("minGasLimit(uint256)"));
    /// @notice Attribute `ackGasLimit(uint256)` (Ferry): gas of the ack's handler back here; 0 for
    /// no ack; `0xd6a3a60e`.
    bytes4 public constant ACK_GAS_LIMIT_ATTRIBUTE = bytes4(keccak256("ackGasLimit(uint256)"));
    /// @notice Attribute `deliverBefore(uint256)` (ERC-7985): the Ferry deadline, unix seconds on
    /// the destination; 0 for none; `0x3e97d7ee`.
    bytes4 public constant DELIVER_BEFORE_ATTRIBUTE = bytes4(keccak256("deliverBefore(uint256)"));

    /// @notice Gas the destination gateway's handler keeps for itself on top of the recipient's
    /// gas, plus {HANDLE_GAS_PER_BYTE} per payload byte (spec §4).
    uint256 public constant HANDLE_GAS = 30_000;
    /// @notice Gas per payload byte kept by the destination gateway (copies and hashing).
    uint256 public constant HANDLE_GAS_PER_BYTE = 2;
    /// @notice Most bytes of a recipient's revert data passed on (a message result's limit).
    uint256 public constant MAX_REVERT_LENGTH = 1_024;

    /// @dev Marks a domain as known in {_domains} (domain 0 is a valid domain).
    uint256 private constant _KNOWN = 1 << 32;

    /// @notice Gas the recipient gets when a message has no `minGasLimit` attribute.
    uint32 public immutable defaultGasLimit;
    /// @notice The EIP-155 chain id in the ERC-7930 sender of messages sent from here.
    uint256 public immutable localChainId;
    uint32 private immutable _localDomain;
    /// @dev The local senders' ERC-7930 prefix, `0x0001 | 0x0000 | refLength | ref | 0x14`,
    /// left-aligned, and its length (at most 32: chain ids below 2^208).
    bytes32 private immutable _senderPrefix;
    uint256 private immutable _senderPrefixLength;

    /// @dev ERC-7930 chain header (`0x0001 | chainType | refLength | ref`) by domain.
    mapping(uint32 domain => bytes) private _chains;
    /// @dev `_KNOWN | domain` by keccak256 of the chain header.
    mapping(bytes32 chainKey => uint256) private _domains;
    /// @dev Parked messages: keccak256(abi.encode(sender, recipient, payload, attributes)).
    mapping(bytes32 sendId => bytes32 commitment) private _pending;
    uint256 private _pendingCount;

    /// @dev A message's Ferry route and limits, from its recipient and attributes.
    struct Route {
        uint32 destination;
        bytes32 recipient;
        uint32 gasLimit;
        uint32 ackGasLimit;
        uint64 deadline;
    }

    /// @notice The owner mapped a Ferry domain to an ERC-7930 chain (empty: removed the mapping).
    /// @param domain The Ferry domain.
    /// @param chain The chain-only ERC-7930 address, or empty.
    event ChainSet(uint32 indexed domain, bytes chain);

    /// @notice A paid pending message was sent.
    /// @param sendId The id `sendMessage` returned.
    /// @param messageId The Ferry message id (the destination's `receiveId`).
    /// @param payer Who paid the fee.
    event PendingMessageSent(bytes32 indexed sendId, bytes32 indexed messageId, address payer);

    /// @notice A message this gateway sent with an `ackGasLimit` reached a final status.
    /// @param messageId The Ferry message id.
    /// @param status 1 Executed or 3 TimedOut.
    event MessageAcknowledged(bytes32 indexed messageId, uint8 status);

    /// @notice A recipient that is not an ERC-7930 v1 address with a 1..32-byte address (20 on an
    /// EVM chain).
    /// @param recipient The recipient as given.
    error FerryGatewayInvalidRecipient(bytes recipient);

    /// @notice The recipient's chain is mapped to no Ferry domain.
    /// @param chainType The ERC-7930 chain type.
    /// @param chainReference The ERC-7930 chain reference.
    error FerryGatewayUnknownChain(bytes2 chainType, bytes chainReference);

    /// @notice A chain given to {setChain} that is not a chain-only ERC-7930 v1 address with a
    /// reference.
    /// @param chain The bytes given.
    error FerryGatewayInvalidChain(bytes chain);

    /// @notice The chain is already mapped to another domain.
    /// @param chain The chain.
    /// @param domain The domain it is mapped to.
    error FerryGatewayChainTaken(bytes chain, uint32 domain);

    /// @notice A message came from a domain mapped to no chain: its sender cannot be named.
    /// @param domain The origin domain.
    error FerryGatewayUnknownDomain(uint32 domain);

    /// @notice An attribute whose value is not one ABI word.
    /// @param selector The attribute's selector.
    /// @param length The attribute's length (36 expected).
    error FerryGatewayMalformedAttribute(bytes4 selector, uint256 length);

    /// @notice An attribute given twice.
    /// @param selector The attribute's selector.
    error FerryGatewayDuplicateAttribute(bytes4 selector);

    /// @notice An attribute value out of its range (or a gas limit that does not fit uint32 once
    /// the gateway's own gas is added).
    /// @param selector The attribute's selector.
    /// @param value The value.
    error FerryGatewayAttributeOutOfRange(bytes4 selector, uint256 value);

    /// @notice No parked message has this id (never parked, or already sent).
    /// @param sendId The id.
    error FerryGatewayUnknownPending(bytes32 sendId);

    /// @notice The parked message is not the one given.
    /// @param sendId The id.
    error FerryGatewayPendingMismatch(bytes32 sendId);

    /// @notice The refund of an overpaid fee was refused.
    /// @param to The payer.
    /// @param amount The refund.
    error FerryGatewayRefundFailed(address to, uint256 amount);

    /// @notice A body shorter than its 81-byte header.
    /// @param length The body's length.
    error FerryGatewayMalformedBody(uint256 length);

    /// @notice A body whose version is not 1.
    /// @param version The version.
    error FerryGatewayUnknownVersion(uint8 version);

    /// @notice The recipient on this chain is not an EVM address (12 high bytes not zero).
    /// @param recipient The recipient.
    error FerryGatewayNotEvmRecipient(bytes32 recipient);

    /// @notice The recipient did not return `receiveMessage`'s selector: the message is Failed,
    /// not received, and can be retried.
    /// @param recipient The recipient.
    /// @param returned The first 4 bytes it returned (zero if fewer).
    error FerryGatewayWrongSelector(address recipient, bytes4 returned);

    /**
     * @param endpoint_ The endpoint.
     * @param owner_ Sets peers and chains.
     * @param defaultGasLimit_ The recipient's gas without a `minGasLimit` attribute.
     * @param localChainId_ The chain id naming this chain in senders' ERC-7930 addresses; 0 for
     * `block.chainid`. Maps the local domain to `eip155:<localChainId>`.
     */
    constructor(
        IEndpoint endpoint_,
        address owner_,
        uint32 defaultGasLimit_,
        uint256 localChainId_
    ) EndpointApp(endpoint_, owner_) {
        defaultGasLimit = defaultGasLimit_;
        localChainId = localChainId_ == 0 ? block.chainid : localChainId_;
        _localDomain = endpoint_.localDomain();
        bytes memory chain = InteroperableAddress.formatEvmV1(localChainId);
        _setChain(_localDomain, chain);
        // The chain's header (without its zero address length), then the address length 20.
        if (chain.length > 32) revert FerryGatewayInvalidChain(chain);
        _senderPrefixLength = chain.length;
        bytes32 prefix;
        assembly ("memory-safe") {
            prefix := mload(add(chain, 0x20))
        }
        // Keep the chain's bytes but its last (the zero address length), which becomes 20.
        uint256 shift = 256 - 8 * chain.length;
        _senderPrefix = ((prefix >> (shift + 8)) << (shift + 8)) | (bytes32(uint256(20)) << shift);
    }

    // ---------------------------------------------------------------- configuration

    /**
     * @notice Maps `domain` to `chain`, a chain-only ERC-7930 v1 address (empty address part);
     * empty bytes remove the domain's mapping. Recipients on `chain` are sent to `domain`, and
     * senders from `domain` are named on `chain`. Only the owner.
     * @param domain The Ferry domain.
     * @param chain The chain, e.g. `0x00010000027a6900` for eip155:31337, or empty.
     */
    function setChain(uint32 domain, bytes calldata chain) external onlyOwner {
        _setChain(domain, chain);
    }

    /// @notice The chain-only ERC-7930 address mapped to `domain` (empty if none).
    /// @param domain The Ferry domain.
    function chainOf(uint32 domain) external view returns (bytes memory) {
        bytes memory header = _chains[domain];
        return header.length == 0 ? header : abi.encodePacked(header, uint8(0));
    }

    /**
     * @notice The Ferry domain of an ERC-7930 address's chain (the address part is ignored).
     * @param interop An ERC-7930 v1 address (chain-only or full).
     * @return known Whether the chain is mapped.
     * @return domain The domain.
     */
    function domainOf(bytes calldata interop) external view returns (bool known, uint32 domain) {
        (bool ok, , bytes calldata ref, ) = InteroperableAddress.tryParseV1Calldata(interop);
        if (!ok) return (false, 0);
        uint256 entry = _domains[keccak256(interop[:5 + ref.length])];
        return (entry & _KNOWN != 0, uint32(entry));
    }

    /// @inheritdoc IERC7786GatewaySource
    function supportsAttribute(bytes4 selector) public pure returns (bool) {
        return
            selector == MIN_GAS_LIMIT_ATTRIBUTE ||
            selector == ACK_GAS_LIMIT_ATTRIBUTE ||
            selector == DELIVER_BEFORE_ATTRIBUTE;
    }

    // ---------------------------------------------------------------- sending

    /**
     * @inheritdoc IERC7786GatewaySource
     * @dev `msg.value` pays the Ferry fee ({quoteMessage}); the excess is refunded to the caller.
     * Without value (and a non-zero fee), the message is parked and its non-zero id returned:
     * anyone sends it with {payPending}. No value is carried to the recipient (the event's
     * `value` is 0).
     */
    function sendMessage(
        bytes calldata recipient,
        bytes calldata payload,
        bytes[] calldata attributes
    ) external payable returns (bytes32 sendId) {
        Route memory route = _route(recipient, payload.length, attributes);
        if (msg.value == 0) {
            uint256 fee = _quote(
                route.destination,
                GatewayCodec.PAYLOAD_OFFSET + payload.length,
                route.gasLimit,
                route.ackGasLimit
            );
            if (fee != 0) {
                // Further action: the message waits here until someone pays its fee.
                sendId = keccak256(abi.encode(address(this), ++_pendingCount));
                _pending[sendId] = keccak256(
                    abi.encode(msg.sender, recipient, payload, attributes)
                );
            }
        }
        emit MessageSent(sendId, _localSender(msg.sender), recipient, payload, 0, attributes);
        if (sendId == 0) _dispatch(route, msg.sender, payload);
    }

    /**
     * @notice Sends a parked message (the "further action" of a non-zero `sendId`), paying its
     * fee from `msg.value` and refunding the excess to the caller. Anyone may pay. The arguments
     * are the message's, as in its {MessageSent} event (`sender` is the address part of the
     * event's sender).
     * @param sendId The id `sendMessage` returned.
     * @param sender The sender.
     * @param recipient The recipient, ERC-7930.
     * @param payload The payload.
     * @param attributes The attributes.
     * @return messageId The Ferry message id.
     */
    function payPending(
        bytes32 sendId,
        address sender,
        bytes calldata recipient,
        bytes calldata payload,
        bytes[] calldata attributes
    ) external payable returns (bytes32 messageId) {
        bytes32 commitment = _pending[sendId];
        if (commitment == 0) revert FerryGatewayUnknownPending(sendId);
        if (commitment != keccak256(abi.encode(sender, recipient, payload, attributes))) {
            revert FerryGatewayPendingMismatch(sendId);
        }
        delete _pending[sendId];
        messageId = _dispatch(_route(recipient, payload.length, attributes), sender, payload);
        emit PendingMessageSent(sendId, messageId, msg.sender);
    }

    /// @notice Whether `sendId` names a parked message not sent yet.
    /// @param sendId The id `sendMessage` returned.
    function isPending(bytes32 sendId) external view returns (bool) {
        return _pending[sendId] != 0;
    }

    /**
     * @notice The Ferry fee of `sendMessage(recipient, payload, attributes)`, in native token.
     * @param recipient The recipient, ERC-7930.
     * @param payload The payload.
     * @param attributes The attributes.
     */
    function quoteMessage(
        bytes calldata recipient,
        bytes calldata payload,
        bytes[] calldata attributes
    ) external view returns (uint256) {
        Route memory route = _route(recipient, payload.length, attributes);
        return
            _quote(
                route.destination,
                GatewayCodec.PAYLOAD_OFFSET + payload.length,
                route.gasLimit,
                route.ackGasLimit
            );
    }

    /**
     * @notice The Ferry handler gas limit of a message whose recipient is to get `recipientGas`
     * with a payload of `payloadLength` bytes: the recipient's gas, the 1/64 a call keeps back,
     * and the gateway's own.
     * @param recipientGas The recipient's gas.
     * @param payloadLength The payload's length.
     */
    function ferryGasLimit(
        uint256 recipientGas,
        uint256 payloadLength
    ) public pure returns (uint256) {
        return
            recipientGas + recipientGas / 63 + 1 + HANDLE_GAS + HANDLE_GAS_PER_BYTE * payloadLength;
    }

    // ---------------------------------------------------------------- hooks

    /// @dev Calls the recipient's `receiveMessage` with the Ferry id and the ERC-7930 sender;
    /// anything but its selector back fails the message (retryable).
    function _handle(
        uint32 origin,
        bytes32 sender,
        uint64 nonce,
        bytes calldata body
    ) internal override returns (bytes memory) {
        if (body.length < GatewayCodec.PAYLOAD_OFFSET)
            revert FerryGatewayMalformedBody(body.length);
        uint8 version = body.version();
        if (version != GatewayCodec.VERSION) revert FerryGatewayUnknownVersion(version);
        bytes32 recipient32 = body.recipient();
        if (uint256(recipient32) >> 160 != 0) revert FerryGatewayNotEvmRecipient(recipient32);
        bytes memory header = _chains[origin];
        if (header.length == 0) revert FerryGatewayUnknownDomain(origin);

        bytes32 receiveId = _messageId(origin, sender, nonce, body);
        bytes memory data = abi.encodeCall(
            IERC7786Recipient.receiveMessage,
            (receiveId, _interop(header, body.sender()), body.payload())
        );
        address recipient = address(uint160(uint256(recipient32)));
        bool ok;
        bytes4 returned;
        assembly ("memory-safe") {
            ok := call(gas(), recipient, 0, add(data, 0x20), mload(data), 0, 0)
            if and(ok, gt(returndatasize(), 31)) {
                returndatacopy(0, 0, 0x20)
                returned := and(mload(0), shl(224, 0xffffffff))
            }
        }
        if (!ok) _bubble();
        if (returned != IERC7786Recipient.receiveMessage.selector) {
            revert FerryGatewayWrongSelector(recipient, returned);
        }
        return "";
    }

    /// @dev Announces the outcome of a message sent with an ack request.
    function _handleAck(bytes32 id, uint8 status, bytes calldata) internal override {
        emit MessageAcknowledged(id, status);
    }

    // ---------------------------------------------------------------- internals

    /// @dev Sends `payload` from `sender` along `route`, paying `msg.value`, and refunds what
    /// the endpoint returned to the caller.
    function _dispatch(
        Route memory route,
        address sender,
        bytes calldata payload
    ) private returns (bytes32 messageId) {
        // CHECKS and EFFECTS: the endpoint checks the limits and the fee, and refunds any excess
        // to this contract, which passes it on.
        uint256 kept = address(this).balance - msg.value;
        (messageId, ) = _send(
            route.destination,
            GatewayCodec.encode(
                route.gasLimit,
                route.ackGasLimit,
                route.deadline,
                bytes32(uint256(uint160(sender))),
                route.recipient,
                payload
            ),
            route.gasLimit,
            route.ackGasLimit,
            route.deadline,
            msg.value
        );
        // INTERACTIONS: the refund last.
        uint256 refund = address(this).balance - kept;
        if (refund != 0) {
            (bool ok, ) = payable(msg.sender).call{value: refund}("");
            if (!ok) revert FerryGatewayRefundFailed(msg.sender, refund);
        }
    }

    /// @dev The destination domain, recipient and limits of a message.
    function _route(
        bytes calldata recipient,
        uint256 payloadLength,
        bytes[] calldata attributes
    ) private view returns (Route memory route) {
        (route.destination, route.recipient) = _destinationOf(recipient);
        uint256 recipientGas = _applyAttributes(route, attributes);
        uint256 gasLimit = ferryGasLimit(recipientGas, payloadLength);
        if (gasLimit > type(uint32).max) {
            revert FerryGatewayAttributeOutOfRange(MIN_GAS_LIMIT_ATTRIBUTE, recipientGas);
        }
        route.gasLimit = uint32(gasLimit);
    }

    /// @dev The domain of the recipient's chain and the recipient as bytes32 (PROTOCOL §2).
    function _destinationOf(
        bytes calldata recipient
    ) private view returns (uint32 destination, bytes32 recipient32) {
        (bool ok, bytes2 chainType, bytes calldata ref, bytes calldata addr) = InteroperableAddress
            .tryParseV1Calldata(recipient);
        uint256 addrLength = addr.length;
        if (
            !ok ||
            addrLength == 0 ||
            addrLength > 32 ||
            (chainType == bytes2(0) && addrLength != 20)
        ) {
            revert FerryGatewayInvalidRecipient(recipient);
        }
        uint256 entry = _domains[keccak256(recipient[:5 + ref.length])];
        if (entry & _KNOWN == 0) revert FerryGatewayUnknownChain(chainType, ref);
        destination = uint32(entry);
        // Left-pad the address to 32 bytes. Safe: 0 < addrLength <= 32.
        unchecked {
            recipient32 = bytes32(uint256(bytes32(addr)) >> (256 - 8 * addrLength));
        }
    }

    /// @dev Sets the route's ack gas limit and deadline from the attributes; returns the
    /// recipient's gas. Refuses unknown, malformed, repeated and out-of-range attributes.
    function _applyAttributes(
        Route memory route,
        bytes[] calldata attributes
    ) private view returns (uint256 recipientGas) {
        recipientGas = defaultGasLimit;
        uint256 seen;
        for (uint256 i; i < attributes.length; ++i) {
            bytes calldata attribute = attributes[i];
            bytes4 selector = bytes4(attribute);
            uint256 bit;
            uint256 max;
            if (selector == MIN_GAS_LIMIT_ATTRIBUTE) (bit, max) = (1, type(uint32).max);
            else if (selector == ACK_GAS_LIMIT_ATTRIBUTE) (bit, max) = (2, type(uint32).max);
            else if (selector == DELIVER_BEFORE_ATTRIBUTE) (bit, max) = (4, type(uint64).max);
            else revert UnsupportedAttribute(selector);
            if (attribute.length != 36) {
                revert FerryGatewayMalformedAttribute(selector, attribute.length);
            }
            if (seen & bit != 0) revert FerryGatewayDuplicateAttribute(selector);
            seen |= bit;
            uint256 value = uint256(bytes32(attribute[4:36]));
            if (value > max) revert FerryGatewayAttributeOutOfRange(selector, value);
            // Safe casts: value <= max, checked above.
            if (bit == 1) recipientGas = value;
            else if (bit == 2) route.ackGasLimit = uint32(value);
            else route.deadline = uint64(value);
        }
    }

    /// @dev The id of the Ferry message being handled, rebuilt from the handler's arguments and
    /// the limits the origin gateway copied into the body.
    function _messageId(
        uint32 origin,
        bytes32 sender,
        uint64 nonce,
        bytes calldata body
    ) private view returns (bytes32) {
        uint32 ackGasLimit = body.ackGasLimit();
        return
            keccak256(
                MessageCodec.encode(
                    ackGasLimit == 0 ? 0 : MessageCodec.FLAG_ACK_REQUESTED,
                    origin,
                    sender,
                    _localDomain,
                    bytes32(uint256(uint160(address(this)))),
                    MessageCodec.packLimits(nonce, body.deadline(), body.gasLimit(), ackGasLimit),
                    body
                )
            );
    }

    /// @dev The ERC-7930 address of `account` on the chain whose header is `header`: 20 bytes
    /// when its 12 high bytes are zero, else 32 (PROTOCOL §2).
    function _interop(bytes memory header, bytes32 account) private pure returns (bytes memory) {
        if (uint256(account) >> 160 == 0) {
            return abi.encodePacked(header, uint8(20), address(uint160(uint256(account))));
        }
        return abi.encodePacked(header, uint8(32), account);
    }

    /// @dev `account`'s ERC-7930 address on this chain (eip155:{localChainId}).
    function _localSender(address account) private view returns (bytes memory sender) {
        bytes32 prefix = _senderPrefix;
        uint256 length = _senderPrefixLength;
        assembly ("memory-safe") {
            sender := mload(0x40)
            mstore(sender, add(length, 20))
            mstore(add(sender, 0x20), prefix)
            mstore(add(add(sender, 0x20), length), shl(96, account))
            // Length word and two words: length + 20 <= 52 bytes, all written above.
            mstore(0x40, add(sender, 0x60))
        }
    }

    /// @dev Maps `domain` to `chain` (empty: removes its mapping).
    function _setChain(uint32 domain, bytes memory chain) private {
        bytes memory header;
        if (chain.length != 0) {
            (bool ok, , bytes memory ref, bytes memory addr) = InteroperableAddress.tryParseV1(
                chain
            );
            if (!ok || ref.length == 0 || addr.length != 0 || chain.length != 6 + ref.length) {
                revert FerryGatewayInvalidChain(chain);
            }
            // The header is the chain without its trailing zero address length.
            header = new bytes(chain.length - 1);
            for (uint256 i; i < header.length; ++i) header[i] = chain[i];
            uint256 entry = _domains[keccak256(header)];
            if (entry & _KNOWN != 0 && uint32(entry) != domain) {
                revert FerryGatewayChainTaken(chain, uint32(entry));
            }
        }
        bytes memory old = _chains[domain];
        if (old.length != 0) delete _domains[keccak256(old)];
        _chains[domain] = header;
        if (header.length != 0) _domains[keccak256(header)] = _KNOWN | domain;
        emit ChainSet(domain, chain);
    }

    /// @dev Reverts with the last call's revert data, cut to {MAX_REVERT_LENGTH} bytes.
    function _bubble() private pure {
        assembly ("memory-safe") {
            let size := returndatasize()
            if gt(size, MAX_REVERT_LENGTH) {
                size := MAX_REVERT_LENGTH
            }
            let ptr := mload(0x40)
            returndatacopy(ptr, 0, size)
            revert(ptr, size)
        }
    }
}
