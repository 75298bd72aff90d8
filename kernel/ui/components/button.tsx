import type { Child } from 'hono/jsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const BASE =
  'inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium shadow-sm ' +
  'disabled:cursor-not-allowed disabled:opacity-60';
const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'bg-white text-gray-900 ring-1 ring-gray-300 ring-inset hover:bg-gray-50',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  ghost: 'text-gray-700 shadow-none hover:bg-gray-100',
};

export function buttonClass(variant: ButtonVariant = 'primary', extra = ''): string {
  return `${BASE} ${VARIANTS[variant]} ${extra}`.trim();
}

/** Extra attributes (htmx's `hx-*`, `name`, `value`, `form`) pass through unchanged. */
export type ButtonProps = {
  variant?: ButtonVariant;
  type?: 'submit' | 'button' | 'reset';
  class?: string;
  children?: Child;
  [attr: string]: unknown;
};

/**
 * A button; `type="submit"` by default, so that it posts its form without JavaScript.
 *
 * @example
 * <Button variant="danger" name="confirm" value="1">Disable</Button>
 */
export function Button({ variant, type, class: extra, children, ...rest }: ButtonProps) {
  return (
    <button type={type ?? 'submit'} class={buttonClass(variant, extra)} {...rest}>
      {children}
    </button>
  );
}

/** A link styled as a button: navigation that works without JavaScript, optionally enhanced with `hx-get`. */
export function LinkButton({
  variant,
  href,
  class: extra,
  children,
  ...rest
}: {
  href: string;
  variant?: ButtonVariant;
  class?: string;
  children?: Child;
  [attr: string]: unknown;
}) {
  return (
    <a href={href} class={buttonClass(variant ?? 'secondary', extra)} {...rest}>
      {children}
    </a>
  );
}
