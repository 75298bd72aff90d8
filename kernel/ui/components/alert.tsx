import type { Child } from 'hono/jsx';
import { Icon } from './icon.js';

export type AlertKind = 'success' | 'error' | 'info' | 'warning';

const STYLES: Record<AlertKind, string> = {
  success: 'bg-green-50 text-green-800 ring-green-200',
  error: 'bg-red-50 text-red-800 ring-red-200',
  info: 'bg-blue-50 text-blue-800 ring-blue-200',
  warning: 'bg-yellow-50 text-yellow-800 ring-yellow-200',
};
const ICONS = {
  success: 'circle-check',
  error: 'circle-alert',
  info: 'circle-alert',
  warning: 'triangle-alert',
} as const;

/**
 * A message box. Errors are announced at once (`role="alert"`), the others politely (`role="status"`): flash
 * messages after a redirect, a failed transition shown inline after an htmx swap.
 */
export function Alert(props: { kind?: AlertKind; children: Child; id?: string }) {
  const kind = props.kind ?? 'info';
  return (
    <div
      id={props.id}
      role={kind === 'error' ? 'alert' : 'status'}
      class={`mb-4 flex items-start gap-2 rounded-md p-3 text-sm ring-1 ring-inset ${STYLES[kind]}`}
    >
      <Icon name={ICONS[kind]} class="mt-0.5 size-4 shrink-0" />
      <div>{props.children}</div>
    </div>
  );
}
