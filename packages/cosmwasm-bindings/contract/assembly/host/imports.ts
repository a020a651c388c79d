// The CosmWasm VM's imports used by the contracts (cosmwasm-vm `compatibility.rs`
// SUPPORTED_IMPORTS). Every argument and result that is not a number is a pointer to a Region
// (see ../runtime/region.ts). No hashing imports: keccak256 is ours (../lib/keccak.ts).

@external("env", "db_read")
export declare function db_read(key: u32): u32;
@external("env", "db_write")
export declare function db_write(key: u32, value: u32): void;
@external("env", "db_remove")
export declare function db_remove(key: u32): void;
@external("env", "addr_validate")
export declare function addr_validate(source: u32): u32;
@external("env", "addr_canonicalize")
export declare function addr_canonicalize(source: u32, destination: u32): u32;
@external("env", "addr_humanize")
export declare function addr_humanize(source: u32, destination: u32): u32;
@external("env", "secp256k1_recover_pubkey")
export declare function secp256k1_recover_pubkey(hash: u32, signature: u32, recoveryParam: u32): u64;
@external("env", "debug")
export declare function debug(message: u32): void;
@external("env", "query_chain")
export declare function query_chain(request: u32): u32;
@external("env", "abort")
export declare function env_abort(message: u32): void;
