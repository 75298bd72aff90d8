import type { Child } from 'hono/jsx';

/** One figure with its label, for dashboards. */
export function StatCard(props: { label: string; value: Child; hint?: Child }) {
  return (
    <div class="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <p class="text-sm font-medium text-gray-600">{props.label}</p>
      <p class="mt-1 text-3xl font-semibold text-gray-900">{props.value}</p>
      {props.hint ? <p class="mt-1 text-xs text-gray-600">{props.hint}</p> : null}
    </div>
  );
}
