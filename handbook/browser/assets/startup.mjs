// How Python is started with the checkers, shared by the page's worker (worker.js, in the browser)
// and the build's memory snapshot (handbook/browser/snapshot.mjs, in Node.js), so that a snapshot
// holds exactly the Python a worker would have started.

const HOME = "/home/pyodide/handbook"; // the bridge's source

// loadPyodide's options for the runtime files in `base` (this site's own, never a CDN).
export function pyodideOptions(base, more = {}) {
  return {
    indexURL: base,
    packageBaseUrl: base, // no package is loaded; set so the CDN default is never even computed
    lockFileURL: base + "pyodide-lock.json",
    stdLibURL: base + "python_stdlib.zip",
    // sys.executable: a browser's own default, also in Node.js (which would give the build's script
    // path, and a snapshot would keep it)
    _sysExecutable: "./this.program",
    ...more,
  };
}

// Put the bridge's source and the checkers' bytecode (`compiled`) where bundle.json says, and first
// on sys.path, each folder once: a Python restored from a snapshot has them there already, and
// Pyodide puts "" in front of them again.
export function installCheckers(pyodide, { bridge, checkers }, compiled) {
  pyodide.FS.mkdirTree(HOME);
  pyodide.FS.writeFile(`${HOME}/handbook_bridge.py`, bridge);
  pyodide.FS.writeFile(checkers, compiled); // where its bytecode says it is
  pyodide.runPython(`import sys; sys.path[:] = dict.fromkeys([*${JSON.stringify([HOME, checkers])}, *sys.path])`);
}

// A snapshot file holds Python's memory without its all-zero pages (about two thirds of it): a
// header of little-endian 32-bit numbers (MAGIC, the memory's size, the number of runs, then each
// run's offset and length), the runs' bytes, and last the SHA-256 of all that. Unpacked, it is exactly
// the memory that was kept; a file damaged anywhere is refused.
export const SNAPSHOT_MAGIC = 0x31534248; // "HBS1"
const MAX_MEMORY = 2 ** 31; // wasm32 Pyodide's limit: a larger size is a damaged header

export async function unpackSnapshot(buffer) {
  const body = new Uint8Array(buffer, 0, Math.max(buffer.byteLength - 32, 0));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const kept = new Uint8Array(buffer, body.length);
  if (kept.length !== 32 || !digest.every((byte, i) => byte === kept[i])) throw new Error("damaged snapshot file");
  const view = new DataView(buffer);
  const size = view.getUint32(4, true);
  if (view.getUint32(0, true) !== SNAPSHOT_MAGIC || size > MAX_MEMORY) throw new Error("not a snapshot file");
  const memory = new Uint8Array(size);
  const runs = view.getUint32(8, true);
  let at = 12 + 8 * runs;
  for (let run = 0; run < runs; run++) {
    const offset = view.getUint32(12 + 8 * run, true);
    const length = view.getUint32(16 + 8 * run, true);
    if (at + length > body.length || offset + length > size) throw new Error("damaged snapshot file");
    memory.set(new Uint8Array(buffer, at, length), offset);
    at += length;
  }
  if (at !== body.length) throw new Error("damaged snapshot file");
  return memory;
}
