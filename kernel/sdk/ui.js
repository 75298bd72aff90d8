// The package entry of @orion/sdk/ui at run time; types come from ./ui.ts.
export * from '../../dist/kernel/sdk/ui.js';
