// Validator sets per origin domain (the built-in multisig verifier's configuration) and the
// per-app verifier overrides.
import { concat, u32Bytes } from "../lib/bytes";
import { storageGet, storageRemove, storageSet } from "../host/storage";
import { key, KEY_APP_VERIFIER, KEY_ORIGIN } from "./keys";

export class OriginConfig {
  constructor(
    public originEndpoint: Uint8Array,
    public threshold: u8,
    /** 20-byte addresses, strictly ascending. */
    public validators: Array<Uint8Array>,
  ) {}

  encode(): Uint8Array {
    const out = new Uint8Array(33 + 20 * this.validators.length);
    out.set(this.originEndpoint, 0);
    out[32] = this.threshold;
    for (let i = 0; i < this.validators.length; i++) out.set(this.validators[i], 33 + 20 * i);
    return out;
  }
}

export function loadOrigin(origin: u32): OriginConfig | null {
  const value = storageGet(key(KEY_ORIGIN, u32Bytes(origin)));
  if (value === null) return null;
  const validators = new Array<Uint8Array>();
  for (let offset = 33; offset + 20 <= value.length; offset += 20) validators.push(value.slice(offset, offset + 20));
  return new OriginConfig(value.slice(0, 32), value[32], validators);
}

export function saveOrigin(origin: u32, config: OriginConfig): void {
  storageSet(key(KEY_ORIGIN, u32Bytes(origin)), config.encode());
}

export function removeOriginConfig(origin: u32): void {
  storageRemove(key(KEY_ORIGIN, u32Bytes(origin)));
}

function appKey(app: Uint8Array, origin: u32): Uint8Array {
  return key(KEY_APP_VERIFIER, concat([app, u32Bytes(origin)]));
}

/** The verifier contract `app` (bytes32) chose for messages from `origin`, or null. */
export function appVerifier(app: Uint8Array, origin: u32): string | null {
  const value = storageGet(appKey(app, origin));
  return value !== null ? String.UTF8.decode(value.buffer) : null;
}

export function setAppVerifier(app: Uint8Array, origin: u32, verifier: string | null): void {
  if (verifier === null) storageRemove(appKey(app, origin));
  else storageSet(appKey(app, origin), Uint8Array.wrap(String.UTF8.encode(verifier)));
}
