// What the VM tells an entry point about the call: `env` (block, contract) and `info` (sender,
// funds). Read leniently (unknown fields ignored): their shape grows with VM versions.
import { fail, errorFields } from "../lib/fail";
import { Fields } from "../lib/jsonFields";
import { parseJson } from "../lib/jsonParse";
import { KIND_ARRAY } from "../lib/jsonValue";
import { parseDecimal, U256 } from "../lib/uint";
import { bytesOf } from "../runtime/region";

export class Coin {
  constructor(public denom: string, public amount: U256) {}
}

export class Context {
  /** Block time in whole seconds (the VM gives nanoseconds). */
  time: u64 = 0;
  contract: string = "";
  sender: string = "";
  funds: Array<Coin> = new Array<Coin>();
}

export function readEnv(ptr: u32, ctx: Context): void {
  const env = Fields.of(parseJson(bytesOf(ptr)), "env");
  const block = env.object("block");
  const nanos = block.string("time");
  const n = parseDecimal(nanos, 64);
  if (n === null) {
    fail("invalid_env", errorFields().str("field", "block.time").str("value", nanos));
    return;
  }
  ctx.time = n.low64() / 1_000_000_000;
  ctx.contract = env.object("contract").string("address");
}

export function readInfo(ptr: u32, ctx: Context): void {
  const info = Fields.of(parseJson(bytesOf(ptr)), "info");
  ctx.sender = info.string("sender");
  const funds = info.take("funds");
  if (funds === null || funds.kind != KIND_ARRAY) return;
  for (let i = 0; i < funds.items.length; i++) {
    const coin = Fields.of(funds.items[i], "info.funds");
    const denom = coin.string("denom");
    const amount = parseDecimal(coin.string("amount"), 128);
    if (amount === null) {
      fail("invalid_env", errorFields().str("field", "info.funds.amount"));
      return;
    }
    ctx.funds.push(new Coin(denom, amount));
  }
}
