// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    IERC7786GatewaySource,
    IERC7786Recipient
} from "@openzeppelin/contracts/interfaces/draft-IERC7786.sol";
import {IEndpoint} from "../../interfaces/IEndpoint.sol";

/**
 * @title GatewayBenchSender
 * @notice Gas-benchmark sender: sends the same payload either straight through the endpoint or
 * through an ERC-7786 gateway, forwarding `msg.value` as the fee, so that the difference of the
 * two transactions is the gateway's overhead.
 */
contract GatewayBenchSender {
    /// @notice Sends `payload` as the body of a Ferry message from this contract.
    function sendDirect(
        IEndpoint endpoint,
        uint32 destination,
        bytes32 recipient,
        bytes calldata payload,
        uint32 gasLimit
    ) external payable returns (bytes32 id) {
        // solhint-disable-next-line check-send-result
        (id, ) = endpoint.send{value: msg.value}(destination, recipient, payload, gasLimit, 0, 0);
    }

    /// @notice Sends `payload` through `gateway` with no attributes.
    function sendViaGateway(
        IERC7786GatewaySource gateway,
        bytes calldata recipient,
        bytes calldata payload
    ) external payable returns (bytes32) {
        return gateway.sendMessage{value: msg.value}(recipient, payload, new bytes[](0));
    }
}

/**
 * @title NoopERC7786Recipient
 * @notice Gas-benchmark ERC-7786 recipient that does nothing but accept, the counterpart of
 * `NoopRecipient` for direct delivery.
 */
contract NoopERC7786Recipient is IERC7786Recipient {
    /// @inheritdoc IERC7786Recipient
    function receiveMessage(
        bytes32,
        bytes calldata,
        bytes calldata
    ) external payable returns (bytes4) {
        return this.receiveMessage.selector;
    }
}
