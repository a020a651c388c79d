// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEndpoint} from "../interfaces/IEndpoint.sol";
import {L1DataFee} from "../libs/L1DataFee.sol";
import {MessageCodec} from "../libs/MessageCodec.sol";
import {EndpointBase} from "./EndpointBase.sol";

/**
 * @title EndpointFees
 * @notice Fees (PROTOCOL.md §9): a fee manager sets each domain's {FeeConfig}; fees accrue in
 * the endpoint's balance; a fee collector withdraws them. The owner appoints both roles.
 */
abstract contract EndpointFees is EndpointBase {
    /// @dev Scale of {FeeConfig.rate}: 1e18 is 1:1.
    uint256 private constant _RATE_SCALE = 1e18;
    /// @dev Body bytes quoted for an ack: `originalId | status` plus the longest result.
    uint256 private constant _ACK_BODY_QUOTE_LENGTH = MessageCodec.ACK_RESULT_OFFSET + 1024;

    mapping(uint32 domain => FeeConfig) private _feeConfigs;
    mapping(uint32 domain => L1FeeConfig) private _l1FeeConfigs;
    address private _feeManager;
    address private _feeCollector;

    modifier onlyFeeManager() {
        if (msg.sender != _feeManager) revert EndpointNotFeeManager(msg.sender);
        _;
    }

    modifier onlyFeeCollector() {
        if (msg.sender != _feeCollector) revert EndpointNotFeeCollector(msg.sender);
        _;
    }

    // ---------------------------------------------------------------- roles

    /// @notice Appoints the fee manager. Only the owner.
    /// @param feeManager_ The new fee manager (zero leaves the role empty).
    function setFeeManager(address feeManager_) external onlyOwner {
        _feeManager = feeManager_;
        emit FeeManagerSet(feeManager_);
    }

    /// @notice Appoints the fee collector. Only the owner.
    /// @param feeCollector_ The new fee collector (zero leaves the role empty).
    function setFeeCollector(address feeCollector_) external onlyOwner {
        _feeCollector = feeCollector_;
        emit FeeCollectorSet(feeCollector_);
    }

    /// @notice The fee manager.
    function feeManager() external view returns (address) {
        return _feeManager;
    }

    /// @notice The fee collector.
    function feeCollector() external view returns (address) {
        return _feeCollector;
    }

    // ---------------------------------------------------------------- configuration

    /**
     * @notice Sets a domain's fee configuration, which also opens it as a destination. The local
     * domain's configuration prices acks coming back here. Only the fee manager.
     * @param domain The domain.
     * @param config The configuration; neither `rate` nor `maxGasLimit` may be zero.
     */
    function setFeeConfig(uint32 domain, FeeConfig calldata config) external onlyFeeManager {
        if (config.rate == 0) revert EndpointZeroRate(domain);
        if (config.maxGasLimit == 0) revert EndpointZeroMaxGasLimit(domain);
        _feeConfigs[domain] = config;
        emit FeeConfigSet(domain, config);
    }

    /// @notice Removes a domain's fee configuration: it can no longer be sent to. Only the fee
    /// manager.
    /// @param domain The domain.
    function removeFeeConfig(uint32 domain) external onlyFeeManager {
        delete _feeConfigs[domain];
        emit FeeConfigRemoved(domain);
    }

    /**
     * @notice Sets a domain's L1 data fee parameters: those of the `GasPriceOracle` of an OP Stack
     * rollup, which a relayer keeps current; all zero for a domain without an L1 data fee. Only
     * the fee manager.
     * @param domain The domain.
     * @param config The parameters.
     */
    function setL1FeeConfig(uint32 domain, L1FeeConfig calldata config) external onlyFeeManager {
        _l1FeeConfigs[domain] = config;
        emit L1FeeConfigSet(domain, config);
    }

    /// @notice A domain's L1 data fee parameters (all zero when none).
    /// @param domain The domain.
    function l1FeeConfig(uint32 domain) external view returns (L1FeeConfig memory) {
        return _l1FeeConfigs[domain];
    }

    /// @notice A domain's fee configuration (all zero when none).
    /// @param domain The domain.
    function feeConfig(uint32 domain) external view returns (FeeConfig memory) {
        return _feeConfigs[domain];
    }

    /// @inheritdoc IEndpoint
    function quote(
        uint32 destination,
        uint256 bodyLength,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) external view returns (uint256) {
        if (bodyLength > MessageCodec.MAX_BODY_LENGTH) {
            revert EndpointBodyTooLarge(bodyLength, MessageCodec.MAX_BODY_LENGTH);
        }
        return _quote(destination, bodyLength, gasLimit, ackGasLimit);
    }

    // ---------------------------------------------------------------- withdrawal

    /**
     * @notice Sends `amount` of the accrued fees to `to`. Only the fee collector.
     * @param to The receiver.
     * @param amount The amount, at most the endpoint's balance.
     */
    function withdrawFees(address payable to, uint256 amount) external onlyFeeCollector {
        if (to == address(0)) revert EndpointZeroAddress();
        uint256 balance = address(this).balance;
        if (amount > balance) revert EndpointInsufficientFees(amount, balance);
        emit FeesWithdrawn(to, amount);
        (bool ok, ) = to.call{value: amount}("");
        if (!ok) revert EndpointWithdrawFailed(to, amount);
    }

    // ---------------------------------------------------------------- internal

    /**
     * @dev The fee of a message; see {IEndpoint-quote}. Reverts for an unconfigured domain, and
     * for a `gasLimit` above the destination's `maxGasLimit` or an `ackGasLimit` above the local
     * domain's (PROTOCOL.md §4): a handler needing more gas than one transaction may use could
     * never be delivered and would block its channel for good.
     */
    function _quote(
        uint32 destination,
        uint256 bodyLength,
        uint32 gasLimit,
        uint32 ackGasLimit
    ) internal view returns (uint256 fee) {
        FeeConfig memory remote = _feeConfigs[destination];
        if (remote.rate == 0) revert EndpointUnknownDestination(destination);
        if (gasLimit > remote.maxGasLimit) {
            revert EndpointGasLimitTooHigh(destination, gasLimit, remote.maxGasLimit);
        }
        fee =
            remote.baseFee +
            _gasCost(remote, gasLimit, bodyLength) +
            (L1DataFee.cost(_l1FeeConfigs[destination], bodyLength) * remote.rate) / _RATE_SCALE;
        if (ackGasLimit != 0) {
            uint32 local = localDomain();
            FeeConfig memory home = _feeConfigs[local];
            if (home.rate == 0) revert EndpointUnknownDestination(local);
            if (ackGasLimit > home.maxGasLimit) {
                revert EndpointAckGasLimitTooHigh(local, ackGasLimit, home.maxGasLimit);
            }
            fee +=
                _gasCost(home, ackGasLimit, _ACK_BODY_QUOTE_LENGTH) +
                (L1DataFee.cost(_l1FeeConfigs[local], _ACK_BODY_QUOTE_LENGTH) * home.rate) /
                    _RATE_SCALE;
        }
    }

    /// @dev `(gas + gasOverhead + bodyLength × gasPerByte) × gasPrice × rate / 1e18`, checked.
    function _gasCost(
        FeeConfig memory config,
        uint256 gas,
        uint256 bodyLength
    ) private pure returns (uint256) {
        uint256 units = gas + config.gasOverhead + bodyLength * config.gasPerByte;
        return (units * config.gasPrice * config.rate) / _RATE_SCALE;
    }
}
