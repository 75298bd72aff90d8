import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { OrionError } from '../errors/define-error.js';
import { kernelT } from '../i18n/request.js';
import { csrfToken } from '../security/csrf.js';
import { ConfirmDialog } from './components/confirm-dialog.js';
import { type Flash, setFlash } from './flash.js';
import { seeOther } from './redirect.js';

const PROPAGATE = new Set(['internal', 'authentication', 'not-allowed', 'not-found']);

/** The question a confirmed action asks, or why it cannot be done. */
export type Question =
  | {
      title: string;
      body: Child;
      confirmLabel: string;
      danger?: boolean;
      /** Hidden fields posted along (say, an option the question page chose). */
      fields?: Record<string, string>;
      /** htmx attributes of the confirming form. */
      formAttrs?: Record<string, string>;
    }
  | { error: string };

export interface ConfirmedAction {
  /** The panel's id: what htmx selects from the question page. */
  id: string;
  /** The page's title while asking. */
  title: (c: Context) => string;
  /** Where Cancel goes, and where success redirects to. */
  back: (c: Context) => string;
  /** "Cancel" and "Back", translated. */
  labels?: (c: Context) => { cancel: string; back: string };
  /** Checks access (throws 403/404) and builds the question; may run a dry run. */
  ask: (c: Context) => Promise<Question>;
  /** Does it: the success message, or a coded refusal thrown (shown to the user with its status). */
  act: (c: Context) => Promise<Flash>;
  /**
   * How to answer after `act` (success or refusal). By default a success is a flash on `back` (303), a refusal the
   * panel again with the reason.
   */
  answer?: (c: Context, message: Flash) => Response | Promise<Response>;
}

/**
 * The confirm-and-post pattern of destructive actions: `GET path` renders a `ConfirmDialog` (or why the action is
 * not possible, with the dry run's status), `POST path` does it. A coded refusal (a conflict, invalid input, …) is
 * answered with its status and message; access errors, 404s and bugs propagate to the error page. The form posts back to the URL it was
 * asked on, so path mode (`/platforms/<code>/admin/…`) keeps its prefix.
 */
export function mountConfirmedAction(app: Hono, path: string, spec: ConfirmedAction): void {
  const refusal = (c: Context, err: unknown): string => {
    // Access and existence keep their own error pages; a refused change is the user's to read here.
    if (!(err instanceof OrionError) || PROPAGATE.has(err.category)) throw err;
    c.status(err.status as 409);
    return err.message;
  };
  const panel = (c: Context, question: Question) => {
    const labels = spec.labels?.(c) ?? { cancel: kernelT(c)('confirm.cancel'), back: kernelT(c)('confirm.back') };
    const action = new URL(c.req.url).pathname;
    const common = { id: spec.id, action, csrf: csrfToken(c), cancelHref: spec.back(c) };
    return c.render(
      'error' in question ? (
        <ConfirmDialog {...common} title="" confirmLabel="" error={question.error} backLabel={labels.back} />
      ) : (
        <ConfirmDialog
          {...common}
          title={question.title}
          confirmLabel={question.confirmLabel}
          cancelLabel={labels.cancel}
          danger={question.danger}
          fields={question.fields}
          formAttrs={question.formAttrs}
        >
          {question.body}
        </ConfirmDialog>
      ),
      { title: spec.title(c) },
    );
  };

  app.get(path, async (c) => {
    let question: Question;
    try {
      question = await spec.ask(c);
    } catch (err) {
      question = { error: refusal(c, err) };
    }
    return panel(c, question);
  });

  app.post(path, async (c) => {
    let message: Flash;
    try {
      message = await spec.act(c);
    } catch (err) {
      message = { kind: 'error', text: refusal(c, err) };
    }
    if (spec.answer) return spec.answer(c, message);
    if (message.kind === 'error') return panel(c, { error: message.text });
    setFlash(c, message);
    return seeOther(c, spec.back(c));
  });
}
