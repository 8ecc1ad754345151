// Small DOM helpers: no framework, just elements built from plain data.

export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

// `h('button', { class: 'primary', onclick: go }, 'Send')`: an element with attributes (`on…`
// keys become listeners; `false`/`null` leave the attribute out) and children.
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

// Replaces what `el` shows.
export function show(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let fieldCounter = 0;
// A labelled form field: `field('Amount (COH)', input)` ties the label to the control and adds
// an optional hint (read out by screen readers through aria-describedby).
export function field(label: string, control: HTMLElement, hint?: Child): HTMLElement {
  const id = control.id || `f${++fieldCounter}`;
  control.id = id;
  const hintEl = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export function input(attrs: Attrs = {}): HTMLInputElement {
  return h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

export function select(options: Array<[string, string]>, attrs: Attrs = {}): HTMLSelectElement {
  const el = h('select', attrs);
  for (const [value, text] of options) el.appendChild(h('option', { value }, text));
  if (attrs.value !== undefined) el.value = String(attrs.value);
  return el;
}

export function button(text: string, onclick: (event: Event) => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, onclick: onclick as EventListener }, text);
}

// A titled section (an <h2> and a region named by it).
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s${++fieldCounter}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function note(text: Child, kind: 'info' | 'warn' | 'error' | 'ok' = 'info'): HTMLElement {
  return h('p', { class: `note ${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

// A definition list from pairs.
export function facts(pairs: Array<[string, Child]>): HTMLElement {
  return h('dl', { class: 'facts' }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

// A table with a caption, headers and rows.
export function table(caption: string, headers: string[], rows: Child[][], attrs: Attrs = {}): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))),
    ),
  );
}

// Offers `bytes` as a file download named `name`.
export function download(name: string, text: string, type = 'application/json'): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([text], { type }));
  return h('a', { href: url, download: name, class: 'button-link' }, `Download ${name}`);
}

// Runs `work` showing a message while it loads, and an error in place if it fails.
export async function loading(el: Element, work: () => Promise<Child>): Promise<void> {
  show(el, h('p', { class: 'muted' }, 'Loading…'));
  try {
    show(el, await work());
  } catch (error) {
    show(el, note(`Could not load: ${(error as Error).message}`, 'error'));
  }
}
