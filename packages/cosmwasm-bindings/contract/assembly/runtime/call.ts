// The frame of a contract's entry points, shared by every contract of the package: `beginCall`
// enters a call with no error pending and reads its environment (and the message info, for the
// entry points that have one); `endCall` leaves it, answering the host `{"ok":…}` or, when the
// call failed, `{"error":…}` in a region.
import { Context, readEnv, readInfo } from "../host/context";
import { utf8 } from "../lib/bytes";
import { clearError, errorText, failed } from "../lib/fail";
import { quote } from "../lib/jsonWrite";
import { enterCall, leaveCall, regionOf } from "./region";

/** Enters a call: no error pending, the environment and (when `infoPtr` is not 0) the info read. */
export function beginCall(envPtr: u32, infoPtr: u32): Context {
  enterCall();
  clearError();
  const ctx = new Context();
  readEnv(envPtr, ctx);
  if (infoPtr != 0) readInfo(infoPtr, ctx);
  return ctx;
}

/** Leaves a call with its answer: `okJson` as `{"ok":…}`, or the pending error as `{"error":…}`. */
export function endCall(okJson: string): u32 {
  const json = failed() ? "{\"error\":" + quote(errorText()) + "}" : "{\"ok\":" + okJson + "}";
  const region = changetype<u32>(regionOf(utf8(json)));
  leaveCall();
  return region;
}
