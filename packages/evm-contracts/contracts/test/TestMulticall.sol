// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title TestMulticall
 * @notice Test-only: runs calls in sequence in one transaction, bubbling the first revert. Used
 * to exercise transient storage within a transaction (e.g. the verifier's checkpoint cache
 * across a configuration change), and as an owner contract for such calls.
 */
contract TestMulticall {
    /// @notice The lengths of `targets` and `data` differ.
    /// @param targets Number of targets.
    /// @param data Number of calldata entries.
    error TestMulticallLengthMismatch(uint256 targets, uint256 data);

    /// @notice Calls `target` with `data` and `msg.value`, bubbling a revert. This contract has
    /// no `receive`, so it cannot take refunds.
    function callWithValue(
        address target,
        bytes calldata data
    ) external payable returns (bytes memory) {
        (bool ok, bytes memory result) = target.call{value: msg.value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        return result;
    }

    /// @notice Calls `targets[i]` with `data[i]`, in order.
    /// @return results The return data of each call.
    function run(
        address[] calldata targets,
        bytes[] calldata data
    ) external returns (bytes[] memory results) {
        if (targets.length != data.length)
            revert TestMulticallLengthMismatch(targets.length, data.length);
        results = new bytes[](targets.length);
        for (uint256 i; i < targets.length; ++i) {
            (bool ok, bytes memory result) = targets[i].call(data[i]);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(result, 0x20), mload(result))
                }
            }
            results[i] = result;
        }
    }
}
