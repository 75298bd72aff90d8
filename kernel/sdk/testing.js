// The package entry of @orion/sdk/testing at run time; types come from ./testing.ts.
export * from '../../dist/kernel/sdk/testing.js';
