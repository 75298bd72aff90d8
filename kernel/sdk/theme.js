// The package entry of @orion/sdk/theme at run time; types come from ./theme.ts.
export * from '../../dist/kernel/sdk/theme.js';
