/** Thrown (into zip.js's pipe) when an entry unpacks to more than the cap. */
export class OutputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The unpacked data passed ${limit} bytes.`);
    this.name = 'OutputTooLarge';
  }
}

/**
 * A zip.js writer (anything with a `writable`) that collects UTF-8 text and errors the stream as
 * soon as the bytes written pass `limit`: the inflater stops there, whatever size the zip declared,
 * so a lying header cannot make the import hold gigabytes.
 */
export class CappedTextWriter {
  readonly writable: WritableStream<Uint8Array>;
  /** zip.js keeps its own tally here (its writers must have a writable `size`). */
  size = 0;
  #chunks: Uint8Array[] = [];
  #written = 0;

  constructor(readonly limit: number) {
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        this.#written += chunk.length;
        if (this.#written > limit) {
          this.#chunks = [];
          throw new OutputTooLarge(limit);
        }
        this.#chunks.push(chunk);
      },
    });
  }

  /** The text written, decoded as UTF-8 (a byte-order mark is dropped, as TextWriter does). */
  text(): string {
    const bytes = new Uint8Array(this.#chunks.reduce((length, chunk) => length + chunk.length, 0));
    let offset = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return new TextDecoder().decode(bytes);
  }
}
