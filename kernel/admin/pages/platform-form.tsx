import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { AuthErrors } from '../../auth/errors.js';
import { KernelErrors } from '../../errors/codes.js';
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
const PlatformForm = z.object({
  code: z.string().trim().toLowerCase().optional(),
  name: z.string().trim().min(1, 'Enter the platform name.').max(120, 'Use at most 120 characters.'),
  domain: optional(z.string().trim().toLowerCase()),
  defaultLanguage: z.enum(SUPPORTED_LANGUAGES, { error: 'Choose a language.' }),
  primaryColor: optional(
    z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, 'Enter a colour such as #2563eb.'),
  ),
  logoUrl: optional(z.string().trim().url('Enter an address starting with https://.').max(500)),
});
type PlatformFormData = z.infer<typeof PlatformForm>;
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
      title: editing ? `Edit ${editing.name}` : 'New platform',
    });
  };

  app.get('/admin/platforms/new', (c) => {
    superOnly(c);
    return render(c, undefined, { defaultLanguage: 'en' });
  });

  app.post('/admin/platforms/new', async (c) => {
    superOnly(c);
    const form = await readForm(c, PlatformForm);
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
      for (const issue of input.error.issues) errors[String(issue.path[0])] ??= `This ${issue.message}.`;
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
    setFlash(c, { kind: 'success', text: `Platform ${input.data.name} created.` });
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
    const form = await readForm(c, PlatformForm);
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
    setFlash(c, { kind: 'success', text: `Platform ${patch.name} saved.` });
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
  return (
    <>
      <PageHeader
        title={editing ? `Edit ${editing.name}` : 'New platform'}
        description={editing ? `Code: ${editing.code}` : 'The platform is active at once; enable its plugins next.'}
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
              label="Code"
              hint="Lowercase letters, digits and dashes; it cannot change later."
              required
              value={formValue(values, 'code')}
              error={errors?.code}
            />
          )}
          <TextField name="name" label="Name" required value={formValue(values, 'name')} error={errors?.name} />
          <TextField
            name="domain"
            label="Domain"
            hint="Such as shop.example.com; leave empty to reach it under /platforms/<code> only."
            value={formValue(values, 'domain')}
            error={errors?.domain}
          />
          <SelectField
            name="defaultLanguage"
            label="Default language"
            options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: l }))}
            value={formValue(values, 'defaultLanguage')}
            error={errors?.defaultLanguage}
          />
          <TextField
            name="primaryColor"
            label="Brand colour"
            hint="A hex colour such as #2563eb."
            value={formValue(values, 'primaryColor')}
            error={errors?.primaryColor}
          />
          <TextField
            name="logoUrl"
            label="Logo address"
            type="url"
            value={formValue(values, 'logoUrl')}
            error={errors?.logoUrl}
          />
          <div class="flex gap-2">
            <Button>{editing ? 'Save platform' : 'Create platform'}</Button>
            <LinkButton href={`${props.root}/platforms`}>Cancel</LinkButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
