/** Saves text as a file through a temporary object URL (no network, allowed by the CSP). */
export function downloadText(name: string, text: string, type = 'text/plain') {
  downloadBytes(name, new TextEncoder().encode(text), type);
}

export function downloadBytes(name: string, bytes: Uint8Array, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
