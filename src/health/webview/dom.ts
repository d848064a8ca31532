/**
 * Building the dashboard's DOM without HTML strings: text goes in as text (pull request titles and
 * commit subjects are untrusted), and no element gets a `style` attribute (the policy forbids them;
 * layout lives in the stylesheet).
 */

export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error(`attribute ${name} is not allowed`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A button that looks like a link and sends a message: the dashboard never navigates. */
export function actionLink(text: string, action: string, data: Record<string, string | number>, label?: string): HTMLButtonElement {
  const attributes: Attributes = { type: 'button', class: 'link', 'data-action': action, 'aria-label': label };
  for (const [key, value] of Object.entries(data)) attributes[`data-${key}`] = value;
  return h('button', attributes, text);
}

let counter = 0;
/** A fresh id for aria references. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
