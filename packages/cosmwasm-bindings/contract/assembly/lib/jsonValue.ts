// A parsed JSON value. Numbers keep their source text: they are only ever read as exact
// integers (lib/decimal.ts), never as floats.

export const KIND_NULL: u8 = 0;
export const KIND_BOOL: u8 = 1;
export const KIND_NUMBER: u8 = 2;
export const KIND_STRING: u8 = 3;
export const KIND_ARRAY: u8 = 4;
export const KIND_OBJECT: u8 = 5;

export class JsonValue {
  kind: u8 = KIND_NULL;
  flag: bool = false;
  /** String contents, or a number's text. */
  text: string = "";
  items: Array<JsonValue> = new Array<JsonValue>();
  keys: Array<string> = new Array<string>();

  static of(kind: u8): JsonValue {
    const value = new JsonValue();
    value.kind = kind;
    return value;
  }

  /** An object member, or null. */
  get(key: string): JsonValue | null {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] == key) return this.items[i];
    return null;
  }
}

export function kindName(kind: u8): string {
  if (kind == KIND_NULL) return "null";
  if (kind == KIND_BOOL) return "boolean";
  if (kind == KIND_NUMBER) return "number";
  if (kind == KIND_STRING) return "string";
  if (kind == KIND_ARRAY) return "array";
  return "object";
}
