// The only place where HTML is put together. Everything interpolated into the `markup` tag is
// escaped unless it is itself the output of the `markup` tag, so a value from a credential (an
// untrusted input) can never become markup: titles, names, file names, pointers, messages.
// There is deliberately no way to insert a raw string other than the stylesheet.
// The tag is called `markup`, not `html`: Prettier reformats templates tagged `html` as HTML and
// would close the elements that the streaming header leaves open for the sections to follow.

/** Markup built by the `markup` tag (and only by it). */
export class SafeHtml {
  /** @internal Use the `markup` tag; the constructor is not for values. */
  constructor(private readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type Interpolation =
  SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Not needed inside quoted attributes or text, but then no `onerror=` or `src=` from a value
  // appears anywhere in the file, not even as text, and a scan of the raw file stays simple.
  '=': '&#61;',
  '`': '&#96;',
};

/**
 * C0/C1 controls (but tab, line feed and carriage return), line/paragraph separators and the
 * bidirectional overrides and isolates: they could hide or reorder what the reader sees (a file
 * name "cred\u202Egnp.json"), so they are shown as \uXXXX instead.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text made safe for an HTML text node or a quoted attribute value: & < > " ' = ` as references. */
export function escapeHtml(text: string): string {
  return text
    .replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"'=`]/g, (ch) => ENTITIES[ch]!);
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<td>${text}</td>\`` escapes `text`; nested `markup` results are kept. */
export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Joins markup with a separator (text, escaped). */
export function join(parts: readonly Interpolation[], separator: string): SafeHtml {
  return new SafeHtml(
    parts
      .map(render)
      .filter((p) => p !== '')
      .join(escapeHtml(separator)),
  );
}

/** The inline stylesheet: our own constant, checked so that it cannot close its element. */
export function styleElement(css: string): SafeHtml {
  if (/<\/?style|<!--/i.test(css)) throw new Error('stylesheet must not contain markup');
  return new SafeHtml(`<style>${css}</style>`);
}
