/**
 * `@orion/sdk/ui`: the component kit and form helpers for plugin pages in the admin console and the vendor dashboard.
 * A page calls `c.render(content, { title })`: the kernel wraps it in the area's frame (menu, top bar, flash
 * message), or sends the content alone to htmx. See docs/plugins/ui.md.
 */

export { can } from '../auth/authorize.js';
export { type Formatters, formatters } from '../i18n/format.js';
export { defineMessages, type Messages, type Translate } from '../i18n/messages.js';
export { languageOf, translator } from '../i18n/request.js';
export { CSRF_FIELD, CSRF_HEADER, csrfToken } from '../security/csrf.js';
export { Alert, type AlertKind } from '../ui/components/alert.js';
export { Badge, type BadgeTone } from '../ui/components/badge.js';
export { BarChart, type BarDatum } from '../ui/components/bar-chart.js';
export { Button, type ButtonVariant, buttonClass, LinkButton } from '../ui/components/button.js';
export { ConfirmDialog } from '../ui/components/confirm-dialog.js';
export {
  type Column,
  DataTable,
  type DataTableProps,
  type TableState,
  tableHref,
  tableQuery,
  tableSwap,
} from '../ui/components/data-table.js';
export {
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  Form,
  SelectField,
  TextField,
} from '../ui/components/form.js';
export { Icon, type IconName } from '../ui/components/icon.js';
export { KitLanguage } from '../ui/components/kit-language.js';
export { Card, PageHeader } from '../ui/components/page-header.js';
export { StatCard } from '../ui/components/stat-card.js';
export { type Flash, setFlash } from '../ui/flash.js';
export { type FormResult, fieldErrorsOf, formValue, formValues, readForm } from '../ui/forms.js';
export { safeNext, seeOther } from '../ui/redirect.js';
export { isHtmxRequest, type PageProps } from '../ui/shell.js';
export { renderSlot } from '../ui/slots.js';
