// The package entry of @orion/sdk at run time: the SDK compiled by the root tsc. Types come from ./index.ts.
// One module instance for the kernel and every plugin, so `instanceof OrionError` holds across them.
export * from '../../dist/kernel/sdk/index.js';
