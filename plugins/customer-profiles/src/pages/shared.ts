import { z } from '@orion/sdk';
import { type Translate, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import { messages, type ProfilesKey } from '../locales/index.js';

export type T = Translate<ProfilesKey>;
export const tr = (c: Context) => translator(c, messages);

/** `/vendor/<code>/customer-profiles`, with the tenant's base path. */
export const root = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/customer-profiles`;

export const CustomerId = z.coerce.number().int().positive();

export const fullName = (t: T, p: { firstName: string; lastName: string }) =>
  `${p.firstName} ${p.lastName}`.trim() || t('customers.noName');
