// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IVerifier
 * @notice A verification module (PROTOCOL.md §6): proves that `message` was sent by the endpoint
 * of its origin domain. The endpoint's owner sets a default verifier per origin; an app may set
 * its own for its inbound messages (`IEndpoint.setAppVerifier`).
 */
interface IVerifier {
    /**
     * @notice Verifies `proof` for `message`.
     * @dev Not `view`: a verifier may remember, in transient storage, work it can reuse within
     * the transaction (the multisig verifier remembers checked checkpoints). A verifier should
     * revert with its own named error on failure; the endpoint also rejects a `false` result.
     * @param message The whole encoded message (PROTOCOL.md §3).
     * @param proof Verifier-specific proof bytes.
     * @return valid Whether the proof holds.
     */
    function verify(bytes calldata message, bytes calldata proof) external returns (bool valid);
}
