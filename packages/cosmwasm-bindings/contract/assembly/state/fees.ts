// Fee configuration per domain (PROTOCOL.md §9): base_fee, gas_price and rate as u128 (16 bytes
// each), gas_overhead, gas_per_byte and max_gas_limit (§4) as u32. A configured rate is never
// zero, which also marks the domain as a known destination; max_gas_limit is never zero either.
// An entry stored before protocol 1.1 (56 bytes, no max_gas_limit) reads as uncapped until the
// fee manager sets it again.
import { readU32, u32Bytes, writeU32 } from "../lib/bytes";
import { U256 } from "../lib/uint";
import { storageGet, storageRemove, storageSet } from "../host/storage";
import { key, KEY_FEE } from "./keys";

export class FeeConfig {
  baseFee: U256 = new U256();
  gasPrice: U256 = new U256();
  rate: U256 = new U256();
  gasOverhead: u32 = 0;
  gasPerByte: u32 = 0;
  /** The largest gas limit a message to this domain may ask for (an ack's, for the local domain). */
  maxGasLimit: u32 = 0;

  encode(): Uint8Array {
    const out = new Uint8Array(60);
    out.set(this.baseFee.toBytes16(), 0);
    out.set(this.gasPrice.toBytes16(), 16);
    out.set(this.rate.toBytes16(), 32);
    writeU32(out, 48, this.gasOverhead);
    writeU32(out, 52, this.gasPerByte);
    writeU32(out, 56, this.maxGasLimit);
    return out;
  }

  static decode(value: Uint8Array): FeeConfig {
    const config = new FeeConfig();
    config.baseFee = U256.fromBytes16(value, 0);
    config.gasPrice = U256.fromBytes16(value, 16);
    config.rate = U256.fromBytes16(value, 32);
    config.gasOverhead = readU32(value, 48);
    config.gasPerByte = readU32(value, 52);
    config.maxGasLimit = value.length >= 60 ? readU32(value, 56) : u32.MAX_VALUE;
    return config;
  }
}

export function loadFeeConfig(domain: u32): FeeConfig | null {
  const value = storageGet(key(KEY_FEE, u32Bytes(domain)));
  return value !== null ? FeeConfig.decode(value) : null;
}

export function saveFeeConfig(domain: u32, config: FeeConfig): void {
  storageSet(key(KEY_FEE, u32Bytes(domain)), config.encode());
}

export function removeFeeConfig(domain: u32): void {
  storageRemove(key(KEY_FEE, u32Bytes(domain)));
}
