/**
 * zip.js, loaded on first use. Its default workers start from `blob:` URLs and its fallback
 * codec from a `data:` WASM module, both blocked by the page's CSP: so no web workers, and the
 * browser's own CompressionStream (on by default) does the deflating.
 */
export async function loadZip() {
  const zip = await import('@zip.js/zip.js/lib/zip-native.js');
  zip.configure({ useWebWorkers: false, useCompressionStream: true });
  return zip;
}
