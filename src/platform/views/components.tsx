import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.js';

export type FieldErrors = Readonly<Record<string, string | undefined>>;
export type FormValues = Readonly<Record<string, string | undefined>>;

/** What a form view needs to come back after bad input: what was typed and what is wrong where. */
export interface FormState {
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  /** A message about the whole form rather than one field (e.g. a failed login). */
  readonly formError?: string;
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A POST form with its CSRF token; every state change goes through one of these. */
export function PostForm(props: { ctx: PageContext; action: string; children: ComponentChildren; class?: string; id?: string }) {
  return (
    <form method="post" action={props.action} class={props.class ?? 'mmm-form'} id={props.id} noValidate>
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

/** Shown above a form that came back with errors; each entry links to its field. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error mmm-error-summary" role="alert" aria-labelledby="foutoverzicht-titel">
      <h2 id="foutoverzicht-titel" class="utrecht-heading-2">
        {ctx.t('form.errorSummary')}
      </h2>
      <ul class="utrecht-unordered-list">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a class="utrecht-link" href={`#veld-${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldBase {
  readonly name: string;
  readonly label: string;
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  readonly hint?: string;
  readonly required?: boolean;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `veld-${name}-uitleg` : '', error ? `veld-${name}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldShell(props: FieldBase & { children: ComponentChildren }) {
  const error = props.errors?.[props.name];
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`veld-${props.name}`}>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <div class="utrecht-form-field-description" id={`veld-${props.name}-uitleg`}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`veld-${props.name}-fout`}>
          {error}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

export function TextField(
  props: FieldBase & {
    type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'date';
    autocomplete?: string;
    inputMode?: string;
    maxLength?: number;
    /** An extra class on the input, e.g. to size a date picker. */
    inputClass?: string;
  },
) {
  const error = props.errors?.[props.name];
  // Passwords are never sent back to the browser, even when the form returns with errors.
  const value = props.type === 'password' ? '' : (props.values?.[props.name] ?? '');
  return (
    <FieldShell {...props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${props.inputClass ? ` ${props.inputClass}` : ''}${error ? ' utrecht-textbox--invalid' : ''}`}
        id={`veld-${props.name}`}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={value}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode as 'numeric' | undefined}
        maxLength={props.maxLength}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldShell>
  );
}

/** A checkbox with its label, error and hint, like the other fields; a form that comes back keeps it ticked. */
export function CheckboxField(props: { name: string; label: ComponentChildren; value?: string; checked?: boolean; values?: FormValues; hint?: string; errors?: FieldErrors }) {
  const { name } = props;
  const value = props.value ?? 'ja';
  const error = props.errors?.[name];
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
      {error ? (
        <div class="utrecht-form-field-error-message" id={`veld-${name}-fout`}>
          {error}
        </div>
      ) : null}
      <div class="utrecht-form-field__input mmm-check">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={`veld-${name}`}
          name={name}
          value={value}
          checked={props.checked ?? props.values?.[name] === value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(name, props.hint, error)}
        />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={`veld-${name}`}>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <div class="utrecht-form-field-description" id={`veld-${name}-uitleg`}>
          {props.hint}
        </div>
      ) : null}
    </div>
  );
}

export function TextAreaField(props: FieldBase & { rows?: number; maxLength?: number }) {
  const error = props.errors?.[props.name];
  return (
    <FieldShell {...props}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={`veld-${props.name}`}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.values?.[props.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: FieldBase & { options: readonly Option[]; emptyLabel?: string }) {
  const error = props.errors?.[props.name];
  const selected = props.values?.[props.name] ?? '';
  return (
    <FieldShell {...props}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        id={`veld-${props.name}`}
        name={props.name}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {/* Marked selected when nothing is chosen, so that scripts can tell an untouched list from a changed one. */}
        {props.emptyLabel !== undefined ? (
          <option value="" selected={selected === ''}>
            {props.emptyLabel}
          </option>
        ) : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function RadioGroup(props: FieldBase & { options: readonly Option[] }) {
  const error = props.errors?.[props.name];
  const selected = props.values?.[props.name] ?? '';
  return (
    <fieldset
      class={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={`veld-${props.name}`}
      aria-describedby={describedBy(props.name, props.hint, error)}
    >
      <legend class="utrecht-form-fieldset__legend">{props.label}</legend>
      {props.hint ? (
        <div class="utrecht-form-field-description" id={`veld-${props.name}-uitleg`}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`veld-${props.name}-fout`}>
          {error}
        </div>
      ) : null}
      {props.options.map((o) => (
        <div class="utrecht-form-field utrecht-form-field--radio" key={o.value}>
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id={`veld-${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={o.value === selected}
          />
          <label class="utrecht-form-label utrecht-form-label--radio" for={`veld-${props.name}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function SubmitButton({ children, secondary, name, value }: { children: ComponentChildren; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
    >
      {children}
    </button>
  );
}

export function Notice({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'ok' | 'warning' | 'error' }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind} mmm-notice`} role={kind === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">{children}</div>
    </div>
  );
}

/** Text as a person typed it: paragraphs at blank lines, line breaks kept, never any markup. */
export function Paragraphs({ text }: { text: string }) {
  const parts = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((part, i) => (
        <p class="utrecht-paragraph" key={i}>
          {part.split(/\r?\n/).map((line, j) => (
            <>
              {j > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

export function Heading({ children }: { children: ComponentChildren }) {
  return <h1 class="utrecht-heading-1">{children}</h1>;
}

export function P({ children }: { children: ComponentChildren }) {
  return <p class="utrecht-paragraph">{children}</p>;
}

export function A({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a class="utrecht-link" href={href}>
      {children}
    </a>
  );
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** A data table with column headers (and an optional caption), scrollable on narrow screens. */
export function Table({ head, caption, children }: { head: readonly string[]; caption?: string; children: ComponentChildren }) {
  return (
    <div class="mmm-table-wrap">
      <table class="utrecht-table mmm-table">
        {caption ? <caption class="utrecht-table__caption">{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A button in a form of its own; the label names whom or what it acts on, for screen readers. */
export function ActionButton({
  ctx,
  action,
  label,
  children,
  name,
  value,
  secondary = true,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  children: ComponentChildren;
  name?: string;
  value?: string;
  secondary?: boolean;
}) {
  return (
    <PostForm ctx={ctx} action={action} class="mmm-inline-form">
      <button
        type="submit"
        name={name}
        value={value}
        class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
        aria-label={label}
      >
        {children}
      </button>
    </PostForm>
  );
}
