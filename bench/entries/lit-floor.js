// The floor: Lit with one tiny element, the least any Lit-based widget can weigh.
import { LitElement, html, css } from 'lit';

class MinElement extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
  `;
  static properties = { name: {} };
  constructor() {
    super();
    this.name = 'World';
  }
  render() {
    return html`<p>Hello, ${this.name}</p>`;
  }
}
if (!customElements.get('min-element')) customElements.define('min-element', MinElement);
export { MinElement };
