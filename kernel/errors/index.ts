export { KernelErrors } from './codes.js';
export type { ErrorCategory, ErrorDefinition, ErrorFactory } from './define-error.js';
export { categoryStatus, defineError, OrionError } from './define-error.js';
