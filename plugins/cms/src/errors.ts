import { defineError } from '@orion/sdk';

/** The CMS's expected failures. Another vendor's or another platform's page is "not found", never "forbidden". */
export const CmsErrors = {
  PageNotFound: defineError<{ id: string }>({
    code: 'CMS_PAGE_NOT_FOUND',
    category: 'not-found',
    title: 'No such page',
    detail: (p) => `No page has the id ${p.id} here.`,
  }),
  SlugNotFound: defineError<{ slug: string }>({
    code: 'CMS_SLUG_NOT_FOUND',
    category: 'not-found',
    title: 'No such page',
    detail: (p) => `No published page has the address ${p.slug} here.`,
  }),
  DefaultNotFound: defineError<{ slug: string }>({
    code: 'CMS_DEFAULT_NOT_FOUND',
    category: 'not-found',
    title: 'No such default page',
    detail: (p) => `The platform has no default page ${p.slug}.`,
  }),
  NotOverridden: defineError<{ slug: string }>({
    code: 'CMS_NOT_OVERRIDDEN',
    category: 'not-found',
    title: 'Not overridden',
    detail: (p) => `The shop has no page of its own at ${p.slug}: it already shows the default.`,
  }),
  SlugTaken: defineError<{ slug: string }>({
    code: 'CMS_SLUG_TAKEN',
    category: 'conflict',
    title: 'Address already used',
    detail: (p) => `Another page already has the address ${p.slug}.`,
  }),
  MediaInvalid: defineError<{ problem: string }>({
    code: 'CMS_MEDIA_INVALID',
    category: 'input',
    status: 422,
    title: 'The file cannot be added',
    detail: (p) => `file: ${p.problem}`,
  }),
  MediaNotFound: defineError<{ id: string }>({
    code: 'CMS_MEDIA_NOT_FOUND',
    category: 'not-found',
    title: 'No such file',
    detail: (p) => `No file of the media library has the id ${p.id} here.`,
  }),
  MediaInUse: defineError<{ id: string; pages: string }>({
    code: 'CMS_MEDIA_IN_USE',
    category: 'conflict',
    title: 'File in use',
    detail: (p) => `File ${p.id} is shown on the pages ${p.pages}: remove it from them first.`,
  }),
} as const;
