import { css } from 'lit';

export const styles = css`
  :host {
    --_sms-accent: var(--sms-color-accent, light-dark(#2563eb, #60a5fa));
    --_sms-surface: var(--sms-color-surface, light-dark(#fff, #111827));
    --_sms-raised: var(--sms-color-surface-raised, light-dark(#eef1f5, #1f2937));
    --_sms-text: var(--sms-color-text, light-dark(#111827, #f3f4f6));
    --_sms-muted: var(--sms-color-text-muted, light-dark(#4b5563, #9ca3af));
    --_sms-danger: var(--sms-color-danger, light-dark(#b91c1c, #f87171));
    --_sms-border: var(--sms-color-border, light-dark(#d1d5db, #374151));
    --_sms-radius: var(--sms-radius, 0.75rem);
    --_sms-gap: var(--sms-space, 0.5rem);

    display: flex;
    flex-direction: column;
    block-size: 32rem;
    color-scheme: light dark;
    background: var(--_sms-surface);
    color: var(--_sms-text);
    font-family: var(--sms-font-family, system-ui, sans-serif);
    font-size: var(--sms-font-size, 0.9375rem);
    line-height: 1.4;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-block-size: 0;
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_sms-gap);
    padding: var(--_sms-gap);
  }

  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_sms-surface);
    border: 1px solid var(--_sms-border);
    border-radius: calc(var(--_sms-radius) / 2);
    padding: 0.25rem 0.5rem;
  }

  input {
    flex: 1 1 12rem;
    min-inline-size: 0;
  }

  input:focus-visible,
  select:focus-visible,
  .list:focus-visible {
    outline: 2px solid var(--sms-color-focus, var(--_sms-accent));
    outline-offset: 2px;
  }

  .list {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .option {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_sms-gap);
    inline-size: 100%;
    box-sizing: border-box;
    padding: var(--_sms-gap) calc(var(--_sms-gap) * 1.5);
    border-block-end: 1px solid var(--_sms-border);
    cursor: pointer;
  }

  .option:hover {
    background: var(--_sms-raised);
  }

  .option.active {
    box-shadow: inset 3px 0 0 var(--_sms-accent);
    background: var(--_sms-raised);
  }

  :host(:dir(rtl)) .option.active {
    box-shadow: inset -3px 0 0 var(--_sms-accent);
  }

  .option[aria-selected='true'] {
    background: color-mix(in srgb, var(--_sms-accent) 14%, var(--_sms-surface));
  }

  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .unread .name {
    font-weight: 700;
  }

  time,
  .preview {
    color: var(--_sms-muted);
    font-size: 0.8125em;
  }

  .preview {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .unread .preview {
    color: var(--_sms-text);
  }

  .badges {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25rem;
  }

  .dot {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: var(--_sms-accent);
  }

  .error {
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_sms-danger);
    color: var(--_sms-surface);
    font-size: 0.75em;
    font-weight: 600;
  }

  .status-line {
    margin: 0;
    padding: var(--_sms-gap);
    color: var(--_sms-muted);
    text-align: center;
  }

  .problem {
    margin: 0;
    padding: var(--_sms-gap);
    color: var(--_sms-danger);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
