/** The JSON helpers of the SDK, and the caller's vendor id (a 404 when a request has no vendor). */
export { jsonBody, jsonResponse, vendorOf as vendorIdOf } from '@orion/sdk';

export const NoContent = { description: 'Done' };
