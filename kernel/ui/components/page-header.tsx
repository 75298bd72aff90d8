import type { Child } from 'hono/jsx';

/** The title of a page (its only `<h1>`), a line of description, and actions on the right. */
export function PageHeader(props: { title: string; description?: Child; actions?: Child }) {
  return (
    <div class="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div class="min-w-0">
        <h1 class="text-2xl font-semibold text-gray-900">{props.title}</h1>
        {props.description ? <p class="mt-1 text-sm text-gray-600">{props.description}</p> : null}
      </div>
      {props.actions ? <div class="flex flex-wrap gap-2">{props.actions}</div> : null}
    </div>
  );
}

/** A titled box of content. */
export function Card(props: { title?: string; children: Child; id?: string; class?: string }) {
  return (
    <section id={props.id} class={`rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 ${props.class ?? ''}`}>
      {props.title ? <h2 class="mb-3 text-base font-semibold text-gray-900">{props.title}</h2> : null}
      {props.children}
    </section>
  );
}
