// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {EndpointBase} from "./EndpointBase.sol";

/**
 * @title EndpointVerifiers
 * @notice Which verifier checks a message's proof: the recipient's own choice for the origin if
 * it set one, else the owner's default for the origin (PROTOCOL.md §6).
 *
 * Gas: an origin's default verifier shares its slot with the number of apps that override it,
 * so a delivery reads the per-app mapping only when some app set an override for that origin;
 * in the common case choosing the verifier costs one SLOAD.
 */
abstract contract EndpointVerifiers is EndpointBase {
    using MessageCodec for address;

    /// @dev One slot per origin.
    struct OriginVerifiers {
        address defaultVerifier;
        uint96 appOverrides;
    }

    mapping(uint32 origin => OriginVerifiers) private _originVerifiers;
    /// @dev Keyed by the recipient as bytes32, as it appears in messages.
    mapping(bytes32 app => mapping(uint32 origin => address)) private _appVerifiers;

    /**
     * @notice Sets the default verifier of `origin`. Only the owner.
     * @param origin The origin domain.
     * @param verifier The verifier (a contract), or zero to clear.
     */
    function setDefaultVerifier(uint32 origin, address verifier) external onlyOwner {
        _requireContractOrZero(verifier);
        _originVerifiers[origin].defaultVerifier = verifier;
        emit DefaultVerifierSet(origin, verifier);
    }

    /// @inheritdoc IEndpoint
    function setAppVerifier(uint32 origin, address verifier) external {
        _requireContractOrZero(verifier);
        bytes32 app = msg.sender.toBytes32();
        address previous = _appVerifiers[app][origin];
        if (previous == address(0) && verifier != address(0)) {
            ++_originVerifiers[origin].appOverrides;
        } else if (previous != address(0) && verifier == address(0)) {
            // Safe: this app's override was counted when it was set.
            unchecked {
                --_originVerifiers[origin].appOverrides;
            }
        }
        _appVerifiers[app][origin] = verifier;
        emit AppVerifierSet(msg.sender, origin, verifier);
    }

    /// @notice The owner's default verifier of `origin` (zero if none).
    /// @param origin The origin domain.
    function defaultVerifier(uint32 origin) external view returns (address) {
        return _originVerifiers[origin].defaultVerifier;
    }

    /// @notice The verifier `app` set for `origin` (zero if none).
    /// @param app The app.
    /// @param origin The origin domain.
    function appVerifier(address app, uint32 origin) external view returns (address) {
        return _appVerifiers[app.toBytes32()][origin];
    }

    /// @notice The verifier that checks messages from `origin` to `recipient` (zero if none).
    /// @param origin The origin domain.
    /// @param recipient The recipient, as bytes32.
    function verifierFor(uint32 origin, bytes32 recipient) external view returns (address) {
        return _verifierOf(origin, recipient);
    }

    /// @dev The verifier for a message; reverts when there is none.
    function _requireVerifier(uint32 origin, bytes32 recipient) internal view returns (address) {
        address verifier = _verifierOf(origin, recipient);
        if (verifier == address(0)) revert EndpointNoVerifier(origin);
        return verifier;
    }

    function _verifierOf(uint32 origin, bytes32 recipient) private view returns (address) {
        OriginVerifiers memory verifiers = _originVerifiers[origin];
        if (verifiers.appOverrides != 0) {
            address own = _appVerifiers[recipient][origin];
            if (own != address(0)) return own;
        }
        return verifiers.defaultVerifier;
    }

    function _requireContractOrZero(address verifier) private view {
        if (verifier != address(0) && verifier.code.length == 0) {
            revert EndpointVerifierNotContract(verifier);
        }
    }
}
