// A strict JSON parser (RFC 8259) over UTF-8 bytes: no trailing commas, comments, leading
// zeros, bare control characters, lone surrogates or invalid UTF-8; duplicate keys are an error
// (serde, which Rust contracts use, rejects them for structs). Errors go to lib/fail.ts as
// `invalid_json: …`.
import { joinStrings } from "./strings";
import { fail, failed, errorFields } from "./fail";
import { JsonValue, KIND_ARRAY, KIND_BOOL, KIND_NULL, KIND_NUMBER, KIND_OBJECT, KIND_STRING } from "./jsonValue";

const MAX_DEPTH: i32 = 32;

class Parser {
  pos: i32 = 0;
  constructor(public src: Uint8Array) {}

  error(what: string, key: string | null = null): JsonValue | null {
    const named = errorFields().str("problem", what);
    if (key !== null) named.str("field", key);
    fail("invalid_json", named.num("position", this.pos));
    return null;
  }

  skipSpace(): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) break;
      this.pos++;
    }
  }

  literal(word: string): bool {
    for (let i = 0; i < word.length; i++) {
      if (this.pos + i >= this.src.length || <i32>this.src[this.pos + i] != word.charCodeAt(i)) return false;
    }
    this.pos += word.length;
    return true;
  }

  value(depth: i32): JsonValue | null {
    if (depth > MAX_DEPTH) return this.error("nesting too deep");
    this.skipSpace();
    if (this.pos >= this.src.length) return this.error("unexpected end");
    const c = this.src[this.pos];
    if (c == 0x7b) return this.object(depth);
    if (c == 0x5b) return this.array(depth);
    if (c == 0x22) {
      const text = this.string();
      if (text === null) return null;
      const value = JsonValue.of(KIND_STRING);
      value.text = text;
      return value;
    }
    if (c == 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    if (this.literal("true")) {
      const value = JsonValue.of(KIND_BOOL);
      value.flag = true;
      return value;
    }
    if (this.literal("false")) return JsonValue.of(KIND_BOOL);
    if (this.literal("null")) return JsonValue.of(KIND_NULL);
    return this.error("unexpected character");
  }

  digits(): i32 {
    const start = this.pos;
    while (this.pos < this.src.length && this.src[this.pos] >= 0x30 && this.src[this.pos] <= 0x39) this.pos++;
    return this.pos - start;
  }

  number(): JsonValue | null {
    const start = this.pos;
    if (this.src[this.pos] == 0x2d) this.pos++;
    const first = this.pos;
    const count = this.digits();
    if (count == 0) return this.error("malformed number");
    if (count > 1 && this.src[first] == 0x30) return this.error("leading zero");
    if (this.pos < this.src.length && this.src[this.pos] == 0x2e) {
      this.pos++;
      if (this.digits() == 0) return this.error("malformed number");
    }
    if (this.pos < this.src.length && (this.src[this.pos] == 0x65 || this.src[this.pos] == 0x45)) {
      this.pos++;
      if (this.pos < this.src.length && (this.src[this.pos] == 0x2b || this.src[this.pos] == 0x2d)) this.pos++;
      if (this.digits() == 0) return this.error("malformed number");
    }
    const value = JsonValue.of(KIND_NUMBER);
    value.text = String.UTF8.decodeUnsafe(this.src.dataStart + start, this.pos - start);
    return value;
  }

  hex4(): i32 {
    if (this.pos + 4 > this.src.length) return -1;
    let n = 0;
    for (let i = 0; i < 4; i++) {
      const c = <i32>this.src[this.pos + i];
      let d = -1;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      if (d < 0) return -1;
      n = (n << 4) | d;
    }
    this.pos += 4;
    return n;
  }

  /** Length of a valid UTF-8 sequence starting at pos (lead byte ≥ 0x80), or 0. */
  utf8Length(): i32 {
    const src = this.src;
    const p = this.pos;
    const b0 = <i32>src[p];
    let need = 0;
    let min = 0;
    if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; min = 0x80; }
    else if (b0 >= 0xe0 && b0 <= 0xef) { need = 2; min = 0x800; }
    else if (b0 >= 0xf0 && b0 <= 0xf4) { need = 3; min = 0x10000; }
    else return 0;
    if (p + need >= src.length) return 0;
    let cp = b0 & (0x3f >> need);
    for (let i = 1; i <= need; i++) {
      const b = <i32>src[p + i];
      if ((b & 0xc0) != 0x80) return 0;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return need + 1;
  }

  string(): string | null {
    this.pos++; // opening quote
    const parts = new Array<string>();
    let runStart = this.pos;
    while (true) {
      if (this.pos >= this.src.length) { this.error("unterminated string"); return null; }
      const c = this.src[this.pos];
      if (c == 0x22) break;
      if (c < 0x20) { this.error("control character in string"); return null; }
      if (c >= 0x80) {
        if (this.pos + 1 >= this.src.length) { this.error("invalid UTF-8"); return null; }
        const n = this.utf8Length();
        if (n == 0 || this.pos + n > this.src.length) { this.error("invalid UTF-8"); return null; }
        this.pos += n;
        continue;
      }
      if (c != 0x5c) { this.pos++; continue; }
      parts.push(String.UTF8.decodeUnsafe(this.src.dataStart + runStart, this.pos - runStart));
      this.pos++;
      if (this.pos >= this.src.length) { this.error("unterminated string"); return null; }
      const e = this.src[this.pos++];
      if (e == 0x22) parts.push("\"");
      else if (e == 0x5c) parts.push("\\");
      else if (e == 0x2f) parts.push("/");
      else if (e == 0x62) parts.push("\b");
      else if (e == 0x66) parts.push("\f");
      else if (e == 0x6e) parts.push("\n");
      else if (e == 0x72) parts.push("\r");
      else if (e == 0x74) parts.push("\t");
      else if (e == 0x75) {
        const hi = this.hex4();
        if (hi < 0) { this.error("bad \\u escape"); return null; }
        if (hi >= 0xdc00 && hi <= 0xdfff) { this.error("lone surrogate"); return null; }
        if (hi >= 0xd800 && hi <= 0xdbff) {
          if (!this.literal("\\u")) { this.error("lone surrogate"); return null; }
          const lo = this.hex4();
          if (lo < 0xdc00 || lo > 0xdfff) { this.error("lone surrogate"); return null; }
          parts.push(String.fromCharCode(hi, lo));
        } else {
          parts.push(String.fromCharCode(hi));
        }
      } else { this.error("bad escape"); return null; }
      runStart = this.pos;
    }
    parts.push(String.UTF8.decodeUnsafe(this.src.dataStart + runStart, this.pos - runStart));
    this.pos++; // closing quote
    return joinStrings(parts);
  }

  array(depth: i32): JsonValue | null {
    this.pos++;
    const value = JsonValue.of(KIND_ARRAY);
    this.skipSpace();
    if (this.pos < this.src.length && this.src[this.pos] == 0x5d) { this.pos++; return value; }
    while (true) {
      const item = this.value(depth + 1);
      if (item === null) return null;
      value.items.push(item);
      this.skipSpace();
      if (this.pos >= this.src.length) return this.error("unterminated array");
      const c = this.src[this.pos++];
      if (c == 0x5d) return value;
      if (c != 0x2c) return this.error("expected , or ]");
    }
  }

  object(depth: i32): JsonValue | null {
    this.pos++;
    const value = JsonValue.of(KIND_OBJECT);
    this.skipSpace();
    if (this.pos < this.src.length && this.src[this.pos] == 0x7d) { this.pos++; return value; }
    while (true) {
      this.skipSpace();
      if (this.pos >= this.src.length || this.src[this.pos] != 0x22) return this.error("expected key");
      const key = this.string();
      if (key === null) return null;
      if (value.get(key) !== null) return this.error("duplicate key", key);
      this.skipSpace();
      if (this.pos >= this.src.length || this.src[this.pos] != 0x3a) return this.error("expected :");
      this.pos++;
      const item = this.value(depth + 1);
      if (item === null) return null;
      value.keys.push(key);
      value.items.push(item);
      this.skipSpace();
      if (this.pos >= this.src.length) return this.error("unterminated object");
      const c = this.src[this.pos++];
      if (c == 0x7d) return value;
      if (c != 0x2c) return this.error("expected , or }");
    }
  }
}

/** The value `src` holds, or null after `fail("invalid_json", …)`. */
export function parseJson(src: Uint8Array): JsonValue | null {
  if (failed()) return null;
  const parser = new Parser(src);
  const value = parser.value(0);
  if (value === null) return null;
  parser.skipSpace();
  if (parser.pos != src.length) return parser.error("trailing characters");
  return value;
}
