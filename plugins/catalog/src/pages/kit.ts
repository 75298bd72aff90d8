/** The UI kit and Money in one import for the catalog's pages. */
export { Money } from '@orion/sdk';
export * from '@orion/sdk/ui';
