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

    /**
     * @dev A {FeeConfig} as stored, with the domain's L1 data fee scalars in the 64 bits its second
     * slot leaves free: the quote reads them with the fee configuration it reads anyway, and so
     * reads {_l1FeePrices} only for a domain that has an L1 data fee. Set by {setFeeConfig} and
     * {setL1FeeConfig}, each keeping the other's fields.
     */
    struct StoredFeeConfig {
        uint128 gasPrice;
        uint128 rate;
        uint96 baseFee;
        uint32 gasOverhead;
        uint32 gasPerByte;
        uint32 maxGasLimit;
        uint32 l1BaseFeeScalar;
        uint32 l1BlobBaseFeeScalar;
    }

    mapping(uint32 domain => StoredFeeConfig) private _feeConfigs;
    mapping(uint32 domain => L1DataFee.Prices) private _l1FeePrices;
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
        _storeFeeConfig(domain, config);
        emit FeeConfigSet(domain, config);
    }

    /// @notice Removes a domain's fee configuration: it can no longer be sent to. Its L1 data fee
    /// parameters stay. Only the fee manager.
    /// @param domain The domain.
    function removeFeeConfig(uint32 domain) external onlyFeeManager {
        FeeConfig memory none;
        _storeFeeConfig(domain, none);
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
        StoredFeeConfig storage stored = _feeConfigs[domain];
        stored.l1BaseFeeScalar = config.baseFeeScalar;
        stored.l1BlobBaseFeeScalar = config.blobBaseFeeScalar;
        _l1FeePrices[domain] = L1DataFee.Prices({
            l1BaseFee: config.l1BaseFee,
            blobBaseFee: config.blobBaseFee,
            overheadBytes: config.overheadBytes
        });
        emit L1FeeConfigSet(domain, config);
    }

    /// @notice A domain's L1 data fee parameters (all zero when none).
    /// @param domain The domain.
    function l1FeeConfig(uint32 domain) external view returns (L1FeeConfig memory) {
        StoredFeeConfig storage stored = _feeConfigs[domain];
        L1DataFee.Prices storage prices = _l1FeePrices[domain];
        return
            L1FeeConfig({
                l1BaseFee: prices.l1BaseFee,
                blobBaseFee: prices.blobBaseFee,
                baseFeeScalar: stored.l1BaseFeeScalar,
                blobBaseFeeScalar: stored.l1BlobBaseFeeScalar,
                overheadBytes: prices.overheadBytes
            });
    }

    /// @notice A domain's fee configuration (all zero when none).
    /// @param domain The domain.
    function feeConfig(uint32 domain) external view returns (FeeConfig memory) {
        StoredFeeConfig storage stored = _feeConfigs[domain];
        return
            FeeConfig({
                gasPrice: stored.gasPrice,
                rate: stored.rate,
                baseFee: stored.baseFee,
                gasOverhead: stored.gasOverhead,
                gasPerByte: stored.gasPerByte,
                maxGasLimit: stored.maxGasLimit
            });
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
        StoredFeeConfig memory remote = _feeConfigs[destination];
        if (remote.rate == 0) revert EndpointUnknownDestination(destination);
        if (gasLimit > remote.maxGasLimit) {
            revert EndpointGasLimitTooHigh(destination, gasLimit, remote.maxGasLimit);
        }
        fee =
            remote.baseFee +
            _gasCost(remote, gasLimit, bodyLength) +
            _l1DataFee(remote, destination, bodyLength);
        if (ackGasLimit != 0) {
            uint32 local = localDomain();
            StoredFeeConfig memory home = _feeConfigs[local];
            if (home.rate == 0) revert EndpointUnknownDestination(local);
            if (ackGasLimit > home.maxGasLimit) {
                revert EndpointAckGasLimitTooHigh(local, ackGasLimit, home.maxGasLimit);
            }
            fee +=
                _gasCost(home, ackGasLimit, _ACK_BODY_QUOTE_LENGTH) +
                _l1DataFee(home, local, _ACK_BODY_QUOTE_LENGTH);
        }
    }

    /// @dev Stores `config` as `domain`'s fee configuration, keeping its L1 data fee scalars.
    function _storeFeeConfig(uint32 domain, FeeConfig memory config) private {
        StoredFeeConfig storage stored = _feeConfigs[domain];
        _feeConfigs[domain] = StoredFeeConfig({
            gasPrice: config.gasPrice,
            rate: config.rate,
            baseFee: config.baseFee,
            gasOverhead: config.gasOverhead,
            gasPerByte: config.gasPerByte,
            maxGasLimit: config.maxGasLimit,
            l1BaseFeeScalar: stored.l1BaseFeeScalar,
            l1BlobBaseFeeScalar: stored.l1BlobBaseFeeScalar
        });
    }

    /// @dev The L1 data fee of a delivery to `domain` × `config.rate` / 1e18; 0, without touching
    /// the domain's prices (not even hashing their slot), when it has no L1 data fee.
    function _l1DataFee(
        StoredFeeConfig memory config,
        uint32 domain,
        uint256 bodyLength
    ) private view returns (uint256) {
        if (config.l1BaseFeeScalar == 0 && config.l1BlobBaseFeeScalar == 0) return 0;
        uint256 cost = L1DataFee.cost(
            config.l1BaseFeeScalar,
            config.l1BlobBaseFeeScalar,
            _l1FeePrices[domain],
            bodyLength
        );
        return (cost * config.rate) / _RATE_SCALE;
    }

    /// @dev `(gas + gasOverhead + bodyLength × gasPerByte) × gasPrice × rate / 1e18`, checked.
    function _gasCost(
        StoredFeeConfig memory config,
        uint256 gas,
        uint256 bodyLength
    ) private pure returns (uint256) {
        uint256 units = gas + config.gasOverhead + bodyLength * config.gasPerByte;
        return (units * config.gasPrice * config.rate) / _RATE_SCALE;
    }
}
