// A CosmWasm `Response` (messages, attributes, events, data) and its JSON.
import { joinStrings } from "../lib/strings";
import { encodeBase64 } from "../lib/base64";
import { ObjectWriter, quote } from "../lib/jsonWrite";

export class Attribute {
  constructor(public key: string, public value: string) {}
  toJson(): string {
    return new ObjectWriter().str("key", this.key).str("value", this.value).toString();
  }
}

export class Event {
  attributes: Array<Attribute> = new Array<Attribute>();
  constructor(public type: string) {}
  add(key: string, value: string): Event {
    this.attributes.push(new Attribute(key, value));
    return this;
  }
  toJson(): string {
    const parts = new Array<string>(this.attributes.length);
    for (let i = 0; i < this.attributes.length; i++) parts[i] = this.attributes[i].toJson();
    return new ObjectWriter().str("type", this.type).raw("attributes", "[" + joinStrings(parts, ",") + "]").toString();
  }
}

export const REPLY_NEVER = "never";
export const REPLY_ALWAYS = "always";
export const REPLY_SUCCESS = "success";
export const REPLY_ERROR = "error";

export class SubMsg {
  constructor(
    public id: u64,
    public msgJson: string,
    /** -1 = no limit (JSON null); a message's gasLimit of 0 stays 0. */
    public gasLimit: i64,
    public replyOn: string,
  ) {}
  toJson(): string {
    return new ObjectWriter()
      .num("id", this.id)
      .raw("msg", this.msgJson)
      .raw("gas_limit", this.gasLimit < 0 ? "null" : this.gasLimit.toString())
      .str("reply_on", this.replyOn)
      .toString();
  }
}

export class Response {
  messages: Array<SubMsg> = new Array<SubMsg>();
  attributes: Array<Attribute> = new Array<Attribute>();
  events: Array<Event> = new Array<Event>();
  data: Uint8Array | null = null;

  event(type: string): Event {
    const event = new Event(type);
    this.events.push(event);
    return event;
  }

  attribute(key: string, value: string): Response {
    this.attributes.push(new Attribute(key, value));
    return this;
  }

  toJson(): string {
    const messages = new Array<string>(this.messages.length);
    for (let i = 0; i < this.messages.length; i++) messages[i] = this.messages[i].toJson();
    const attributes = new Array<string>(this.attributes.length);
    for (let i = 0; i < this.attributes.length; i++) attributes[i] = this.attributes[i].toJson();
    const events = new Array<string>(this.events.length);
    for (let i = 0; i < this.events.length; i++) events[i] = this.events[i].toJson();
    const data = this.data;
    return new ObjectWriter()
      .raw("messages", "[" + joinStrings(messages, ",") + "]")
      .raw("attributes", "[" + joinStrings(attributes, ",") + "]")
      .raw("events", "[" + joinStrings(events, ",") + "]")
      .raw("data", data !== null ? quote(encodeBase64(data)) : "null")
      .toString();
  }
}

/** CosmosMsg::Wasm(Execute) with no funds. */
export function wasmExecute(contract: string, msgJson: string): string {
  return "{\"wasm\":{\"execute\":{\"contract_addr\":" + quote(contract) + ",\"msg\":" + quote(encodeBase64(Uint8Array.wrap(String.UTF8.encode(msgJson)))) + ",\"funds\":[]}}}";
}

/** CosmosMsg::Bank(Send). */
export function bankSend(to: string, denom: string, amount: string): string {
  return "{\"bank\":{\"send\":{\"to_address\":" + quote(to) + ",\"amount\":[{\"denom\":" + quote(denom) + ",\"amount\":" + quote(amount) + "}]}}}";
}

/** CosmosMsg::Wasm(Execute) with `amount` of `denom` as funds (none when `amount` is ""). */
export function wasmExecuteWithFunds(contract: string, msgJson: string, denom: string, amount: string): string {
  const funds = amount.length == 0 ? "[]" : "[{\"denom\":" + quote(denom) + ",\"amount\":" + quote(amount) + "}]";
  return "{\"wasm\":{\"execute\":{\"contract_addr\":" + quote(contract) + ",\"msg\":" + quote(encodeBase64(Uint8Array.wrap(String.UTF8.encode(msgJson)))) + ",\"funds\":" + funds + "}}}";
}
