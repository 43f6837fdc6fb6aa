// `import type` from @xjf/domain makes tsc read its source, and ids.ts imports node:crypto.
// The web build never bundles it (type-only imports are erased); this shim avoids loading all
// of @types/node, and with it Node globals, into browser code. Drop it when the domain package
// uses Web Crypto (globalThis.crypto, present in Node 20 as well).
declare module 'node:crypto' {
  export function randomBytes(size: number): Uint8Array;
}
