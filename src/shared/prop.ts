import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * `<input type="checkbox" ?checked=${on} ${prop('checked', on)}>`: sets a boolean property of
 * the element on every render when it differs from the element's own (as `live()` does), and
 * renders nothing on a server. A property binding (`.checked=${false}`, `.selected=${false}`) is
 * serialized by server rendering (`@lit-labs/ssr`) as `checked="false"`, which a browser reads
 * as set; the boolean attribute beside it (`?checked`) gives the server's markup the state.
 */
class PropDirective extends Directive {
  render(_name: 'checked' | 'selected', _on: boolean) {}

  override update(part: ElementPart, [name, on]: ['checked' | 'selected', boolean]) {
    const el = part.element as HTMLInputElement & HTMLOptionElement;
    if (el[name] !== on) el[name] = on;
  }
}

/** @internal The directive above. */
export const prop = directive(PropDirective);
