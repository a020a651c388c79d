// The Ferry endpoint for CosmWasm (PROTOCOL.md, INTERFACE.md): the contract's entry points.
//
// Every entry point reads its Regions, clears the per-call state (the VM may reuse the instance)
// and answers a `ContractResult` JSON: `{"ok":…}`, or `{"error":…}` holding the JSON text
// `{"ferry_error":{"code":…,…}}` (lib/fail.ts) when anything failed, in which case everything
// the call built is dropped.
import { Context, readEnv, readInfo } from "./host/context";
import { Response } from "./host/response";
import { encodeBase64 } from "./lib/base64";
import { utf8 } from "./lib/bytes";
import { joinStrings } from "./lib/strings";
import { clearError, fail, errorFields, failed } from "./lib/fail";
import { Fields, variantOf } from "./lib/jsonFields";
import { parseJson } from "./lib/jsonParse";
import { quote } from "./lib/jsonWrite";
import { enterCall } from "./runtime/region";
import { resetCheckpointCache } from "./verify/multisig";
import * as admin from "./handlers/admin";
import * as inbox from "./handlers/inbox";
import { addFee, send } from "./handlers/outbox";
import { query as runQuery } from "./handlers/query";
import { reply as settleReply } from "./handlers/settle";
import { bytesOf } from "./runtime/region";

// Our `abort` (selected by --use abort=…) must be part of the program.
import { endCall } from "./runtime/call";
import "./runtime/abort";

export { allocate, deallocate } from "./runtime/region";

/** The CosmWasm VM interface this contract implements. */
export function interface_version_8(): void {}

function begin(): void {
  enterCall();
  clearError();
  resetCheckpointCache();
}

function context(envPtr: u32, infoPtr: u32): Context {
  const ctx = new Context();
  readEnv(envPtr, ctx);
  if (infoPtr != 0) readInfo(infoPtr, ctx);
  return ctx;
}

export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  begin();
  const ctx = context(envPtr, infoPtr);
  const res = new Response();
  admin.instantiate(ctx, res, Fields.of(parseJson(bytesOf(msgPtr)), "instantiate"));
  return endCall(res.toJson());
}

/**
 * CosmWasm's nonpayable rule: every execute message but `send` and `add_fee` (which take the fee
 * denom only) refuses attached funds, which would otherwise be kept as withdrawable fees.
 */
function nonpayable(ctx: Context, name: string): bool {
  if (name == "send" || name == "add_fee" || ctx.funds.length == 0) return true;
  const coins = new Array<string>(ctx.funds.length);
  for (let i = 0; i < ctx.funds.length; i++) coins[i] = ctx.funds[i].amount.toString() + ctx.funds[i].denom;
  return fail("nonpayable", errorFields().str("action", name).str("funds", joinStrings(coins, ",")));
}

function dispatchExecute(ctx: Context, res: Response, name: string, f: Fields): void {
  if (!nonpayable(ctx, name)) return;
  if (name == "send") send(ctx, res, f);
  else if (name == "add_fee") addFee(ctx, res, f);
  else if (name == "deliver") inbox.deliver(ctx, res, f);
  else if (name == "deliver_batch") inbox.deliverBatch(ctx, res, f);
  else if (name == "retry") inbox.retry(ctx, res, f);
  else if (name == "timeout") inbox.timeout(ctx, res, f);
  else if (name == "set_app_verifier") admin.setAppVerifier(ctx, res, f);
  else if (name == "set_origin") admin.setOrigin(ctx, res, f);
  else if (name == "set_threshold") admin.setThreshold(ctx, res, f);
  else if (name == "remove_origin") admin.removeOrigin(ctx, res, f);
  else if (name == "set_fee_config") admin.setFeeConfig(ctx, res, f);
  else if (name == "remove_fee_config") admin.removeFeeConfig(ctx, res, f);
  else if (name == "withdraw_fees") admin.withdrawFees(ctx, res, f);
  else if (name == "set_fee_manager") admin.setRole(ctx, res, f, "fee_manager");
  else if (name == "set_fee_collector") admin.setRole(ctx, res, f, "fee_collector");
  else if (name == "pause") admin.pause(ctx, res, f, true);
  else if (name == "unpause") admin.pause(ctx, res, f, false);
  else if (name == "transfer_ownership") admin.transferOwnership(ctx, res, f);
  else if (name == "accept_ownership") admin.acceptOwnership(ctx, res, f);
  else fail("invalid_json", errorFields().str("problem", "unknown message").str("name", name));
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  begin();
  const ctx = context(envPtr, infoPtr);
  const res = new Response();
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "execute");
  if (!failed()) dispatchExecute(ctx, res, name, Fields.of(msg!.items[0], name));
  return endCall(res.toJson());
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  begin();
  context(envPtr, 0);
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "query");
  let answer = "";
  if (!failed()) answer = runQuery(name, Fields.of(msg!.items[0], name));
  return endCall(quote(encodeBase64(utf8(answer))));
}

export function reply(envPtr: u32, msgPtr: u32): u32 {
  begin();
  const ctx = context(envPtr, 0);
  const res = new Response();
  settleReply(ctx, res, msgPtr);
  return endCall(res.toJson());
}

/** Migration keeps the state as it is; the message must be `{}`. */
export function migrate(envPtr: u32, msgPtr: u32): u32 {
  begin();
  context(envPtr, 0);
  Fields.of(parseJson(bytesOf(msgPtr)), "migrate").finish();
  return endCall(new Response().toJson());
}
