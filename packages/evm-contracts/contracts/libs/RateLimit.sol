// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title RateLimit
 * @notice A refilling bucket (spec/apps/token-bridge.md §5): at most `capacity` may pass at once,
 * and what passed comes back at `refillPerSecond`. Two slots per bucket.
 */
library RateLimit {
    /**
     * @param capacity The most that may pass at once (and the bucket's fill after configuring).
     * @param refillPerSecond What comes back per second, up to `capacity`.
     * @param available What may pass now, as of `updatedAt`.
     * @param updatedAt When `available` was last written.
     */
    struct Bucket {
        uint128 capacity;
        uint128 refillPerSecond;
        uint128 available;
        uint64 updatedAt;
    }

    /// @notice Sets the limits and fills the bucket.
    function configure(Bucket storage bucket, uint128 capacity, uint128 refillPerSecond) internal {
        bucket.capacity = capacity;
        bucket.refillPerSecond = refillPerSecond;
        bucket.available = capacity;
        bucket.updatedAt = uint64(block.timestamp);
    }

    /// @notice What may pass now.
    function current(Bucket storage bucket) internal view returns (uint256) {
        uint256 capacity = bucket.capacity;
        // Safe: elapsed < 2^64 and refill < 2^128, so the product and the sum stay below 2^256.
        unchecked {
            uint256 refilled =
                bucket.available + (block.timestamp - bucket.updatedAt) * bucket.refillPerSecond;
            return refilled < capacity ? refilled : capacity;
        }
    }

    /**
     * @notice Takes `amount` out of the bucket if it holds that much.
     * @return ok Whether it did.
     * @return available What the bucket held before (what may pass now).
     */
    function consume(
        Bucket storage bucket,
        uint256 amount
    ) internal returns (bool ok, uint256 available) {
        available = current(bucket);
        if (amount > available) return (false, available);
        // Safe: amount <= available <= capacity < 2^128.
        unchecked {
            bucket.available = uint128(available - amount);
        }
        bucket.updatedAt = uint64(block.timestamp);
        return (true, available);
    }
}
