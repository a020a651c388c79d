// Typed, strict reading of a JSON object's fields (INTERFACE.md "Encoding rules"): each read
// marks its field used; `finish()` rejects any field left unread (unknown fields). A missing
// field or a wrong type fails with `invalid_json: …` and yields a zero value; callers check
// `failed()` before acting on what they read.
import { decodeBase64 } from "./base64";
import { fromHex } from "./bytes";
import { fail, failed, errorFields } from "./fail";
import { JsonValue, KIND_ARRAY, KIND_BOOL, KIND_NULL, KIND_NUMBER, KIND_OBJECT, KIND_STRING, kindName } from "./jsonValue";
import { parseDecimal, U256 } from "./uint";

export class Fields {
  used: Array<bool>;
  constructor(public value: JsonValue, public context: string) {
    this.used = new Array<bool>(value.keys.length);
  }

  /** The object's fields; fails unless `value` is an object. */
  static of(value: JsonValue | null, context: string): Fields {
    if (value === null || value.kind != KIND_OBJECT) {
      fail("invalid_json", errorFields().str("path", context).str("problem", "expected an object"));
      return new Fields(JsonValue.of(KIND_OBJECT), context);
    }
    return new Fields(value, context);
  }

  /** The field, marked used; null (and a failure unless `optional`) when missing. */
  take(key: string, optional: bool = false): JsonValue | null {
    for (let i = 0; i < this.value.keys.length; i++) {
      if (this.value.keys[i] == key) {
        this.used[i] = true;
        return this.value.items[i];
      }
    }
    if (!optional) fail("invalid_json", errorFields().str("path", this.context).str("problem", "missing field").str("field", key));
    return null;
  }

  typed(key: string, kind: u8): JsonValue | null {
    const value = this.take(key);
    if (value === null) return null;
    if (value.kind != kind) {
      fail("invalid_json", errorFields().str("path", this.context + "." + key).str("problem", "wrong type").str("expected", kindName(kind)).str("actual", kindName(value.kind)));
      return null;
    }
    return value;
  }

  wrong(key: string, what: string): void {
    fail("invalid_json", errorFields().str("path", this.context + "." + key).str("problem", what));
  }

  string(key: string): string {
    const value = this.typed(key, KIND_STRING);
    return value !== null ? value.text : "";
  }

  /** A string or null; `present` tells them apart. */
  nullableString(key: string): string | null {
    const value = this.take(key);
    if (value === null || value.kind == KIND_NULL) return null;
    if (value.kind != KIND_STRING) {
      this.wrong(key, "expected string or null");
      return null;
    }
    return value.text;
  }

  bool(key: string): bool {
    const value = this.typed(key, KIND_BOOL);
    return value !== null && value.flag;
  }

  /** A JSON number that is an integer in [0, max]. */
  uint(key: string, max: u64): u64 {
    const value = this.typed(key, KIND_NUMBER);
    if (value === null) return 0;
    const n = parseDecimal(value.text, 64);
    if (n === null || n.low64() > max) {
      this.wrong(key, "expected an integer in [0, " + max.toString() + "], got " + value.text);
      return 0;
    }
    return n.low64();
  }

  u8(key: string): u8 {
    return <u8>this.uint(key, 255);
  }

  u32(key: string): u32 {
    return <u32>this.uint(key, 0xffffffff);
  }

  /** A u64 as a decimal string. */
  u64(key: string): u64 {
    const text = this.string(key);
    if (failed()) return 0;
    const n = parseDecimal(text, 64);
    if (n === null) {
      this.wrong(key, "expected a u64 decimal string, got \"" + text + "\"");
      return 0;
    }
    return n.low64();
  }

  /** A u128 as a decimal string. */
  u128(key: string): U256 {
    const text = this.string(key);
    if (failed()) return new U256();
    const n = parseDecimal(text, 128);
    if (n === null) {
      this.wrong(key, "expected a u128 decimal string, got \"" + text + "\"");
      return new U256();
    }
    return n;
  }

  /** Standard base64 with padding. */
  base64(key: string): Uint8Array {
    const text = this.string(key);
    if (failed()) return new Uint8Array(0);
    const bytes = decodeBase64(text);
    if (bytes === null) {
      this.wrong(key, "invalid base64");
      return new Uint8Array(0);
    }
    return bytes;
  }

  /** `0x` + 2 × `length` hex digits. */
  hex(key: string, length: i32): Uint8Array {
    const text = this.string(key);
    if (failed()) return new Uint8Array(length);
    const bytes = fromHex(text, length);
    if (bytes === null) {
      this.wrong(key, "expected 0x and " + (length * 2).toString() + " hex digits");
      return new Uint8Array(length);
    }
    return bytes;
  }

  array(key: string): Array<JsonValue> {
    const value = this.typed(key, KIND_ARRAY);
    return value !== null ? value.items : new Array<JsonValue>();
  }

  object(key: string): Fields {
    return Fields.of(this.take(key), this.context + "." + key);
  }

  /** Fails on any field not read. */
  finish(): bool {
    if (failed()) return false;
    for (let i = 0; i < this.used.length; i++) {
      if (!this.used[i]) return fail("invalid_json", errorFields().str("path", this.context).str("problem", "unknown field").str("field", this.value.keys[i]));
    }
    return true;
  }
}

/**
 * The variant of an externally tagged enum message, `{"name":{…}}`: exactly one key whose value
 * is an object. Returns the name, or "" after a failure; `body` gets the variant's fields.
 */
export function variantOf(value: JsonValue | null, context: string): string {
  if (value === null) return "";
  if (value.kind != KIND_OBJECT || value.keys.length != 1) {
    fail("invalid_json", errorFields().str("path", context).str("problem", "expected an object with exactly one key"));
    return "";
  }
  return value.keys[0];
}
