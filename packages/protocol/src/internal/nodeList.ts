/**
 * An append-only list of 32-byte nodes in one growable buffer: a tree of 100k+ leaves keeps
 * ~200k nodes, and one buffer per level costs far less memory and GC than 200k small arrays.
 */
export class NodeList {
  #buffer = new Uint8Array(32 * 64)
  #length = 0

  get length(): number {
    return this.#length
  }

  push(node: Uint8Array): void {
    if ((this.#length + 1) * 32 > this.#buffer.length) {
      const grown = new Uint8Array(this.#buffer.length * 2)
      grown.set(this.#buffer)
      this.#buffer = grown
    }
    this.#buffer.set(node, this.#length * 32)
    this.#length += 1
  }

  /** A view of node `index` (not a copy: callers must not write to it). */
  at(index: number): Uint8Array {
    if (index < 0 || index >= this.#length) throw new RangeError(`No node ${index}.`)
    return this.#buffer.subarray(index * 32, index * 32 + 32)
  }
}
