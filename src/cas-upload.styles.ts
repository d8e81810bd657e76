import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--cas-upload-accent, #0b63ce);
    --_on-accent: var(--cas-upload-on-accent, #fff);
    --_text: var(--cas-upload-text, #1a1d23);
    --_muted: var(--cas-upload-muted, #5b6270);
    --_bg: var(--cas-upload-background, #fff);
    --_border: var(--cas-upload-border, #c4c9d2);
    --_danger: var(--cas-upload-danger, #b3261e);
    --_success: var(--cas-upload-success, #1b7a3a);
    --_radius: var(--cas-upload-radius, 10px);
    --_space: var(--cas-upload-spacing, 16px);
    display: block;
    box-sizing: border-box;
    max-width: 32rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: var(--cas-upload-font, 400 1rem/1.5 system-ui, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--cas-upload-accent, #8ab4f8);
      --_on-accent: var(--cas-upload-on-accent, #0b1a33);
      --_text: var(--cas-upload-text, #e8eaed);
      --_muted: var(--cas-upload-muted, #b2b8c2);
      --_bg: var(--cas-upload-background, #1e2127);
      --_border: var(--cas-upload-border, #5f6672);
      --_danger: var(--cas-upload-danger, #f2b8b5);
      --_success: var(--cas-upload-success, #7fd49a);
    }
  }
  :host([hidden]) {
    display: none;
  }
  :host([disabled]) {
    opacity: 0.6;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  .heading {
    margin: 0;
    font-weight: 600;
    font-size: 1.1em;
  }
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .dropzone.over {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .muted,
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  label {
    font-weight: 600;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .pw {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  input[type='password'],
  input[type='text'] {
    flex: 1 1 10rem;
    min-width: 0;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  button,
  .choose {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.6);
    background: transparent;
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary,
  .choose {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible,
  input[type='file']:focus-visible + .choose {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  progress {
    width: 100%;
    height: 0.75em;
    accent-color: var(--_accent);
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .summary {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  .summary dt {
    color: var(--_muted);
  }
  .summary dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .ok {
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .choose,
    .dropzone {
      border-color: ButtonText;
    }
  }
`;
