// The `abort` asc calls on a failed assertion or `throw`, with the signature of the VM's
// `env.abort(message: Region)` instead of asc's default `env.abort(msg, file, line, col)`,
// which no CosmWasm VM provides. Selected by `--use abort=…/cosmwasmAbort`.
// Ordinary errors never come here: they return `{"error":…}` (see ../lib/fail.ts); an abort is
// a bug or an exhausted resource, and the VM turns it into a failed call.
import { env_abort } from "../host/imports";
import { abandonCalls, regionOf } from "./region";

export function cosmwasmAbort(
  message: string | null,
  fileName: string | null,
  lineNumber: u32,
  columnNumber: u32,
): void {
  abandonCalls();
  let text = message !== null ? message : "abort";
  if (fileName !== null) text += " at " + fileName + ":" + lineNumber.toString() + ":" + columnNumber.toString();
  env_abort(changetype<u32>(regionOf(Uint8Array.wrap(String.UTF8.encode(text)))));
  unreachable();
}
