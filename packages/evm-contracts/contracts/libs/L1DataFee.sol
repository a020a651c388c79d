// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title L1DataFee
 * @notice The L1 data fee of delivering a message to an OP Stack rollup (PROTOCOL.md §9): the
 * Fjord `GasPriceOracle` cost function, applied to the delivery's estimated compressed size
 * `overheadBytes + bodyLength + ⌈bodyLength / 32⌉`: the body as FastLZ stores incompressible
 * bytes (literal runs of at most 32 bytes, each after a 1-byte header), which is what a quote can
 * promise without seeing it.
 */
library L1DataFee {
    /**
     * @notice The L1 prices of one domain and the size of its deliveries: the {IEndpoint.L1FeeConfig}
     * fields besides the scalars, which the endpoint keeps in its fee configuration's slot so
     * that a domain without an L1 data fee never reads this struct.
     * @param l1BaseFee `GasPriceOracle.l1BaseFee`, in wei.
     * @param blobBaseFee `GasPriceOracle.blobBaseFee`, in wei.
     * @param overheadBytes Compressed bytes of a one-message delivery beside its body.
     */
    struct Prices {
        uint128 l1BaseFee;
        uint128 blobBaseFee;
        uint32 overheadBytes;
    }

    /// @dev Fjord's linear regression of L1 gas on FastLZ size, scaled by 1e6: intercept …
    uint256 internal constant COST_INTERCEPT = 42_585_600;
    /// @dev … (subtracted), and slope.
    uint256 internal constant COST_FASTLZ_COEF = 836_500;
    /// @dev Fjord's floor of the estimated size: 100 bytes, scaled by 1e6.
    uint256 internal constant MIN_TRANSACTION_SIZE_SCALED = 100e6;
    /// @dev The scale of the size (1e6) times that of the scalars (1e6).
    uint256 internal constant SCALE = 1e12;

    /**
     * @notice The L1 data fee, in the rollup's native wei, of a delivery carrying `bodyLength`
     * body bytes: `max(100e6, 836,500 × size − 42,585,600) × (16 × baseFeeScalar × l1BaseFee +
     * blobBaseFeeScalar × blobBaseFee) / 1e12`, with `size = overheadBytes + bodyLength + ⌈bodyLength / 32⌉`; 0 when
     * the domain has no L1 data fee (both scalars zero), which the endpoint checks before calling
     * so as not to read `prices`.
     * @param baseFeeScalar The destination's `baseFeeScalar`.
     * @param blobBaseFeeScalar The destination's `blobBaseFeeScalar`.
     * @param prices The destination's other parameters, read only when a scalar is not zero.
     * @param bodyLength The message body's length.
     */
    function cost(
        uint256 baseFeeScalar,
        uint256 blobBaseFeeScalar,
        Prices storage prices,
        uint256 bodyLength
    ) internal view returns (uint256) {
        uint256 feeScaled =
            16 * baseFeeScalar * prices.l1BaseFee + blobBaseFeeScalar * prices.blobBaseFee;
        uint256 estimate =
            COST_FASTLZ_COEF * (prices.overheadBytes + bodyLength + (bodyLength + 31) / 32);
        // Below the floor plus the intercept the subtraction would underflow; Fjord floors it.
        estimate =
            estimate > MIN_TRANSACTION_SIZE_SCALED + COST_INTERCEPT
                ? estimate - COST_INTERCEPT
                : MIN_TRANSACTION_SIZE_SCALED;
        return (estimate * feeScaled) / SCALE;
    }
}
