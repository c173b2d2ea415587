import { css } from 'lit';

/**
 * The semantic tokens every element reads. Public `--sms-*` properties feed private `--_sms-*` ones with a
 * light and a dark default (`light-dark()` follows the inherited `color-scheme`, which `<sms-provider theme>`
 * sets). Consumers' values always win; nothing here reaches outside the shadow root.
 */
export const tokens = css`
  :host {
    --_sms-color-accent: var(--sms-color-accent, light-dark(#2150c4, #9dbcff));
    --_sms-color-on-accent: var(--sms-color-on-accent, light-dark(#ffffff, #0a1a3d));
    --_sms-color-surface: var(--sms-color-surface, light-dark(#ffffff, #1d1f24));
    --_sms-color-surface-raised: var(--sms-color-surface-raised, light-dark(#f2f4f8, #2a2d35));
    --_sms-color-text: var(--sms-color-text, light-dark(#1a1c21, #eceef3));
    --_sms-color-text-muted: var(--sms-color-text-muted, light-dark(#555b69, #b0b6c3));
    --_sms-color-border: var(--sms-color-border, light-dark(#8a909e, #6b7180));
    --_sms-color-danger: var(--sms-color-danger, light-dark(#a8201a, #ffb4ab));
    --_sms-color-warning: var(--sms-color-warning, light-dark(#6d4a00, #ffd27a));
    --_sms-radius: var(--sms-radius, 0.5rem);
    --_sms-space: var(--sms-space, 0.5rem);

    display: block;
    font-family: var(--sms-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    font-size: var(--sms-font-size, 0.9375rem);
    line-height: 1.45;
    color: var(--_sms-color-text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    border: 1px solid var(--_sms-color-border);
    border-radius: calc(var(--_sms-radius) * 0.75);
  }

  input,
  select,
  textarea {
    background: var(--_sms-color-surface);
    padding-block: calc(var(--_sms-space) * 0.75);
    padding-inline: var(--_sms-space);
    min-inline-size: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_sms-color-danger);
  }

  button {
    cursor: pointer;
    background: var(--_sms-color-surface-raised);
    padding-block: calc(var(--_sms-space) * 0.6);
    padding-inline: calc(var(--_sms-space) * 1.5);
  }

  button.primary {
    background: var(--_sms-color-accent);
    border-color: var(--_sms-color-accent);
    color: var(--_sms-color-on-accent);
    font-weight: 600;
  }

  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_sms-color-accent);
    text-decoration: underline;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: var(--sms-focus-ring, 2px solid var(--sms-color-focus, var(--_sms-color-accent)));
    outline-offset: 2px;
  }

  .label {
    display: flex;
    gap: calc(var(--_sms-space) * 0.5);
    align-items: baseline;
    margin: 0;
    font-size: 0.875em;
  }

  .label.error {
    color: var(--_sms-color-danger);
  }

  .label.warning {
    color: var(--_sms-color-warning);
  }

  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding-inline: 0.5em;
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.02em;
  }

  .badge.danger {
    border-color: var(--_sms-color-danger);
    background: var(--_sms-color-danger);
    color: var(--_sms-color-surface);
  }

  .badge.off {
    color: var(--_sms-color-text-muted);
    text-decoration: line-through;
  }

  .muted {
    color: var(--_sms-color-text-muted);
  }
`;

/**
 * The frame of an element built around one scrolling list (thread, inbox): a fixed height by default, the list
 * taking whatever the rows above and below it leave, and the one-line states shown around it.
 */
export const scrollingList = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: 32rem;
    background: var(--_sms-color-surface);
  }

  .base {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-block-size: 0;
  }

  .scroller {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .status-line {
    margin: 0;
    padding: var(--_sms-space);
    color: var(--_sms-color-text-muted);
    text-align: center;
  }

  .problem {
    margin: 0;
    padding: var(--_sms-space);
    color: var(--_sms-color-danger);
  }
`;
