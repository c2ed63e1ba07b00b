import type { KeyTarget } from './shortcuts';

/** Inputs that take no text: keys pressed on them are not typing. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

const INTERACTIVE = 'button, a[href], summary, input, select, textarea, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="option"]';

/** Classifies the element a key press went to. */
export function keyTargetOf(element: Element | null): KeyTarget {
  if (!element) return { typing: false, interactive: false, inDialog: false };
  const tag = element.tagName;
  const editable = element instanceof HTMLElement && element.isContentEditable;
  const typing =
    editable ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !NON_TEXT_INPUTS.has((element as HTMLInputElement).type));
  return {
    typing,
    interactive: element.closest(INTERACTIVE) !== null,
    inDialog: element.closest('dialog[open], [role="dialog"], [role="alertdialog"]') !== null,
  };
}
