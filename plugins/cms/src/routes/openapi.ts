import { createRoute, z } from '@orion/sdk';
import { IdParam, Page, PageInput } from '../schemas.js';

/** Route declarations shared by the admin and vendor APIs: the same CRUD on pages, with a different body. */

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

// biome-ignore lint/suspicious/noExplicitAny: any object schema
export function crudRoutes<B extends z.ZodObject<any>, Q extends z.ZodObject<any>>(body: B, list: Q) {
  return {
    list: createRoute({
      method: 'get',
      path: '/pages',
      summary: 'The pages, by navigation order',
      request: { query: list },
      responses: { 200: json(z.object({ pages: z.array(Page) }), 'The pages') },
    }),
    create: createRoute({
      method: 'post',
      path: '/pages',
      summary: 'Add a page',
      request: { body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: { 201: json(Page, 'The new page') },
    }),
    get: createRoute({
      method: 'get',
      path: '/pages/{id}',
      summary: 'One page, with every translation',
      request: { params: IdParam },
      responses: { 200: json(Page, 'The page') },
    }),
    update: createRoute({
      method: 'put',
      path: '/pages/{id}',
      summary: 'Replace a page: fields, status and translations',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: { 200: json(Page, 'The page') },
    }),
    remove: createRoute({
      method: 'delete',
      path: '/pages/{id}',
      summary: 'Delete a page',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' } },
    }),
  };
}

export { PageInput };
