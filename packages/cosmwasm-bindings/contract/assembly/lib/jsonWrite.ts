// JSON output: strings are escaped per RFC 8259; everything else is built by the callers from
// these pieces (objects are small and fixed-shape, so a string builder suffices).
import { joinStrings } from "./strings";


const HEX = "0123456789abcdef";

/** `text` as a quoted JSON string. */
export function quote(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c == 0x22 || c == 0x5c) {
      needs = true;
      break;
    }
  }
  if (!needs) return "\"" + text + "\"";
  const parts = new Array<string>();
  parts.push("\"");
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c == 0x22) parts.push("\\\"");
    else if (c == 0x5c) parts.push("\\\\");
    else if (c == 0x0a) parts.push("\\n");
    else if (c == 0x0d) parts.push("\\r");
    else if (c == 0x09) parts.push("\\t");
    else if (c < 0x20) parts.push("\\u00" + HEX.charAt(c >> 4) + HEX.charAt(c & 15));
    else parts.push(String.fromCharCode(c));
  }
  parts.push("\"");
  return joinStrings(parts);
}

/** Builds `{"k":v,…}` from already-encoded values. */
export class ObjectWriter {
  parts: Array<string> = new Array<string>();

  raw(key: string, json: string): ObjectWriter {
    this.parts.push(quote(key) + ":" + json);
    return this;
  }

  str(key: string, value: string): ObjectWriter {
    return this.raw(key, quote(value));
  }

  num(key: string, value: u64): ObjectWriter {
    return this.raw(key, value.toString());
  }

  /** A u64/u128 as a decimal string. */
  dec(key: string, value: string): ObjectWriter {
    return this.raw(key, quote(value));
  }

  bool(key: string, value: bool): ObjectWriter {
    return this.raw(key, value ? "true" : "false");
  }

  nullableStr(key: string, value: string | null): ObjectWriter {
    return this.raw(key, value !== null ? quote(value) : "null");
  }

  toString(): string {
    return "{" + joinStrings(this.parts, ",") + "}";
  }
}

/** `{"name":inner}`. */
export function variant(name: string, inner: string): string {
  return "{" + quote(name) + ":" + inner + "}";
}

export function stringArray(values: Array<string>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = quote(values[i]);
  return "[" + joinStrings(parts, ",") + "]";
}
