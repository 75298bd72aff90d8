import { defineMessages } from '@orion/sdk/ui';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';

export const messages = defineMessages(en, { fr, de });
export type CmsKey = keyof typeof en;
