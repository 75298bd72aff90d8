import type { Child } from 'hono/jsx';
import { Alert } from './alert.js';
import { Button, LinkButton } from './button.js';
import { Form } from './form.js';
import { kitT } from './kit-language.js';

/**
 * Asks before a destructive action. It is a panel in the page, not a script-driven modal: without JavaScript it is
 * the whole page at the action's GET URL; with htmx, the page fetches that URL and swaps the panel in next to the
 * item (`hx-select` on the panel's id). Confirming POSTs the form; Cancel goes back to `cancelHref`. With `error`
 * (the action is not possible, say a dry run refused it) the panel shows the reason and a way back instead.
 * `mountConfirmedAction` (kernel/ui/confirmed-action.tsx) serves both steps of such an action.
 *
 * @example
 * <ConfirmDialog id="confirm" title="Disable Reviews?" action={url} csrf={csrfToken(c)} cancelHref={back}
 *   confirmLabel="Disable" danger>Its pages stop answering on this platform.</ConfirmDialog>
 */
export function ConfirmDialog(props: {
  id: string;
  title: string;
  action: string;
  csrf: string;
  cancelHref: string;
  confirmLabel: string;
  /** Default "Cancel" in the page's language. */
  cancelLabel?: string;
  danger?: boolean;
  children?: Child;
  /** htmx attributes for the confirming form (where its answer goes). */
  formAttrs?: Record<string, string>;
  /** Hidden fields to post along. */
  fields?: Record<string, string>;
  /** Why the action cannot be done: shown instead of the question. */
  error?: string;
  /** The link back under an error (default "Back" in the page's language). */
  backLabel?: string;
  /** The language of the default labels; default the page's (`KitLanguage`, set by the shell). */
  lang?: string;
}) {
  const t = kitT(props.lang);
  if (props.error !== undefined) {
    return (
      <div id={props.id}>
        <Alert kind="error">{props.error}</Alert>
        <a href={props.cancelHref} class="text-sm underline">
          {props.backLabel ?? t('confirm.back')}
        </a>
      </div>
    );
  }
  const titleId = `${props.id}-title`;
  return (
    <div
      id={props.id}
      role="alertdialog"
      aria-labelledby={titleId}
      class="rounded-lg bg-white p-4 shadow-md ring-1 ring-gray-300"
    >
      <h2 id={titleId} class="text-lg font-semibold text-gray-900">
        {props.title}
      </h2>
      <div class="mt-2 text-sm text-gray-700">{props.children}</div>
      <Form action={props.action} csrf={props.csrf} class="mt-4 flex flex-wrap gap-2" {...(props.formAttrs ?? {})}>
        {Object.entries(props.fields ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Button variant={props.danger ? 'danger' : 'primary'}>{props.confirmLabel}</Button>
        <LinkButton href={props.cancelHref}>{props.cancelLabel ?? t('confirm.cancel')}</LinkButton>
      </Form>
    </div>
  );
}
