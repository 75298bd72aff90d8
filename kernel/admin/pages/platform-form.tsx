import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { AuthErrors } from '../../auth/errors.js';
import { KernelErrors } from '../../errors/codes.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import { SUPPORTED_LANGUAGES } from '../../tenancy/language.js';
import {
  changePlatform,
  createPlatform,
  findPlatform,
  NewPlatform,
  type PlatformRow,
} from '../../tenancy/platform-service.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { ErrorSummary, type FieldErrors, Form, SelectField, TextField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { adminOf } from '../scope.js';
import type { AdminPlatformsDeps } from './platforms.js';

const optional = (schema: z.ZodString) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The form's fields; the service's schema (NewPlatform, PlatformPatch) checks them again when stored. */
const platformForm = (t: Translate<KernelKey>) =>
  z.object({
    code: z.string().trim().toLowerCase().optional(),
    name: z.string().trim().min(1, t('adminPlatformForm.error.name')).max(120, t('adminPlatformForm.error.nameLength')),
    domain: optional(z.string().trim().toLowerCase()),
    defaultLanguage: z.enum(SUPPORTED_LANGUAGES, { error: t('adminPlatformForm.error.language') }),
    primaryColor: optional(
      z
        .string()
        .trim()
        .regex(/^#[0-9a-fA-F]{6}$/, t('adminPlatformForm.error.colour')),
    ),
    logoUrl: optional(z.string().trim().url(t('adminPlatformForm.error.logo')).max(500)),
  });
type PlatformFormData = z.infer<ReturnType<typeof platformForm>>;
type Values = Record<string, string | string[]>;

/** The form's branding fields over what is stored, so that keys the form does not show are kept. */
function branding(before: Record<string, unknown>, data: PlatformFormData): Record<string, unknown> {
  const next: Record<string, unknown> = { ...before, primaryColor: data.primaryColor, logoUrl: data.logoUrl };
  for (const key of ['primaryColor', 'logoUrl']) if (next[key] === undefined) delete next[key];
  return next;
}

/** The field a refused change is about. */
function fieldOf(err: unknown): FieldErrors | undefined {
  if (TenancyErrors.PlatformCodeTaken.is(err)) return { code: err.message };
  if (TenancyErrors.DomainTaken.is(err)) return { domain: err.message };
  return undefined;
}

/**
 * `GET|POST /admin/platforms/new` (super administrators) and `GET|POST /admin/platforms/:platform/edit` (any
 * administrator of the platform): name, domain, default language and branding, through the platform service (which
 * audit-logs). Invalid input re-renders the form with field errors and changes nothing.
 */
export function mountAdminPlatformForm(app: Hono, deps: AdminPlatformsDeps): void {
  const superOnly = (c: Context) => {
    if (adminOf(c).role !== 'super_admin') throw AuthErrors.Forbidden({ needed: 'a super administrator' });
  };
  const load = async (c: Context): Promise<PlatformRow> => {
    const code = c.req.param('platform') ?? '';
    const row = await deps.db.asSystem('admin: platform', (db) => findPlatform(db, adminOf(c).platformIds, code));
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };
  const render = (c: Context, editing: PlatformRow | undefined, values: Values, errors?: FieldErrors) => {
    if (errors) c.status(422);
    return c.render(<PlatformFormPage c={c} root={deps.root(c)} editing={editing} values={values} errors={errors} />, {
      title: editing ? kernelT(c)('adminPlatforms.editOf', { name: editing.name }) : kernelT(c)('adminPlatforms.new'),
    });
  };

  app.get('/admin/platforms/new', (c) => {
    superOnly(c);
    return render(c, undefined, { defaultLanguage: 'en' });
  });

  app.post('/admin/platforms/new', async (c) => {
    superOnly(c);
    const form = await readForm(c, platformForm(kernelT(c)));
    if (!form.ok) return render(c, undefined, form.values, form.errors);
    const input = NewPlatform.safeParse({
      code: form.data.code ?? '',
      name: form.data.name,
      domain: form.data.domain ?? null,
      defaultLanguage: form.data.defaultLanguage,
      branding: branding({}, form.data),
    });
    if (!input.success) {
      const errors: FieldErrors = {};
      for (const issue of input.error.issues)
        errors[String(issue.path[0])] ??= kernelT(c)('adminPlatformForm.error.invalid', { reason: issue.message });
      return render(c, undefined, form.values, errors);
    }
    try {
      await createPlatform((fn) => deps.db.asSystem('admin: create platform', fn), c, input.data);
    } catch (err) {
      const field = fieldOf(err);
      if (!field) throw err;
      return render(c, undefined, form.values, field);
    }
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)('adminPlatformForm.created', { name: input.data.name }) });
    return seeOther(c, `${deps.root(c)}/platforms`);
  });

  app.get('/admin/platforms/:platform/edit', async (c) => {
    const p = await load(c);
    const b = p.branding as { primaryColor?: string; logoUrl?: string };
    return render(c, p, {
      name: p.name,
      domain: p.domain ?? '',
      defaultLanguage: p.default_language,
      primaryColor: b.primaryColor ?? '',
      logoUrl: b.logoUrl ?? '',
    });
  });

  app.post('/admin/platforms/:platform/edit', async (c) => {
    const p = await load(c);
    const form = await readForm(c, platformForm(kernelT(c)));
    if (!form.ok) return render(c, p, form.values, form.errors);
    const patch = {
      name: form.data.name,
      domain: form.data.domain ?? null,
      defaultLanguage: form.data.defaultLanguage,
      branding: branding(p.branding, form.data),
    };
    try {
      const target = { scope: adminOf(c).platformIds, code: p.code };
      await changePlatform((fn) => deps.db.asSystem('admin: change platform', fn), c, target, patch);
    } catch (err) {
      const field = fieldOf(err);
      if (!field) throw err;
      return render(c, p, form.values, field);
    }
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)('adminPlatformForm.saved', { name: patch.name }) });
    return seeOther(c, `${deps.root(c)}/platforms`);
  });
}

function PlatformFormPage(props: {
  c: Context;
  root: string;
  editing?: PlatformRow;
  values: Values;
  errors?: FieldErrors;
}) {
  const { values, errors, editing } = props;
  const action = editing ? `${props.root}/platforms/${editing.code}/edit` : `${props.root}/platforms/new`;
  const t = kernelT(props.c);
  return (
    <>
      <PageHeader
        title={editing ? t('adminPlatforms.editOf', { name: editing.name }) : t('adminPlatforms.new')}
        description={editing ? `${t('adminVendor.code')}: ${editing.code}` : t('adminPlatformForm.newDescription')}
      />
      <Card class="max-w-xl">
        <Form
          id="platform-form"
          action={action}
          csrf={csrfToken(props.c)}
          hx-post={action}
          hx-target="#platform-form"
          hx-select="#platform-form"
          hx-swap="outerHTML"
        >
          <ErrorSummary errors={errors} />
          {editing ? null : (
            <TextField
              name="code"
              label={t('adminVendors.code')}
              hint={t('adminPlatformForm.codeHint')}
              required
              value={formValue(values, 'code')}
              error={errors?.code}
            />
          )}
          <TextField
            name="name"
            label={t('adminVendors.name')}
            required
            value={formValue(values, 'name')}
            error={errors?.name}
          />
          <TextField
            name="domain"
            label={t('adminPlatforms.domain')}
            hint={t('adminPlatformForm.domainHint')}
            value={formValue(values, 'domain')}
            error={errors?.domain}
          />
          <SelectField
            name="defaultLanguage"
            label={t('adminPlatformForm.defaultLanguage')}
            options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            value={formValue(values, 'defaultLanguage')}
            error={errors?.defaultLanguage}
          />
          <TextField
            name="primaryColor"
            label={t('adminPlatformForm.colour')}
            hint={t('adminPlatformForm.colourHint')}
            value={formValue(values, 'primaryColor')}
            error={errors?.primaryColor}
          />
          <TextField
            name="logoUrl"
            label={t('adminPlatformForm.logo')}
            type="url"
            value={formValue(values, 'logoUrl')}
            error={errors?.logoUrl}
          />
          <div class="flex gap-2">
            <Button>{t(editing ? 'adminPlatformForm.save' : 'adminPlatformForm.create')}</Button>
            <LinkButton href={`${props.root}/platforms`}>{t('confirm.cancel')}</LinkButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
