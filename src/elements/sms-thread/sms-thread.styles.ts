import { css } from 'lit';

export const styles = css`
  :host {
    --_sms-accent: var(--sms-thread-outbound-background, var(--sms-color-accent, light-dark(#2563eb, #60a5fa)));
    --_sms-on-accent: var(--sms-thread-outbound-color, var(--sms-color-on-accent, light-dark(#fff, #0b1220)));
    --_sms-surface: var(--sms-color-surface, light-dark(#fff, #111827));
    --_sms-inbound: var(--sms-thread-inbound-background, var(--sms-color-surface-raised, light-dark(#eef1f5, #1f2937)));
    --_sms-text: var(--sms-color-text, light-dark(#111827, #f3f4f6));
    --_sms-muted: var(--sms-color-text-muted, light-dark(#4b5563, #9ca3af));
    --_sms-danger: var(--sms-color-danger, light-dark(#b91c1c, #f87171));
    --_sms-radius: var(--sms-radius, 0.75rem);
    --_sms-gap: var(--sms-space, 0.5rem);

    display: flex;
    flex-direction: column;
    position: relative;
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

  .log {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding-inline: var(--_sms-gap);
  }

  .log:focus-visible,
  button:focus-visible,
  a:focus-visible,
  .error:focus-visible {
    outline: 2px solid var(--sms-color-focus, var(--_sms-accent));
    outline-offset: 2px;
  }

  .row {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    inline-size: 100%;
    box-sizing: border-box;
    padding-block: calc(var(--_sms-gap) / 2);
  }

  .row.outbound {
    align-items: flex-end;
  }

  .bubble {
    max-inline-size: min(80%, 36rem);
    padding: var(--_sms-gap) calc(var(--_sms-gap) * 1.5);
    border-radius: var(--_sms-radius);
    border-end-start-radius: calc(var(--_sms-radius) / 4);
    background: var(--_sms-inbound);
    color: var(--_sms-text);
    overflow-wrap: anywhere;
  }

  .outbound .bubble {
    border-end-start-radius: var(--_sms-radius);
    border-end-end-radius: calc(var(--_sms-radius) / 4);
    background: var(--_sms-accent);
    color: var(--_sms-on-accent);
  }

  .outbound.scheduled .bubble,
  .outbound.canceled .bubble {
    background: transparent;
    color: var(--_sms-text);
    outline: 1px dashed var(--_sms-muted);
  }

  .body {
    margin: 0;
    white-space: pre-wrap;
  }

  .media {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_sms-gap) / 2);
    margin-block-start: calc(var(--_sms-gap) / 2);
  }

  .thumbnail img {
    display: block;
    inline-size: 8rem;
    block-size: 8rem;
    object-fit: cover;
    border-radius: calc(var(--_sms-radius) / 2);
  }

  .file {
    display: inline-flex;
    gap: 0.25em;
    padding: 0.25em 0.75em;
    border-radius: 999px;
    background: var(--_sms-surface);
    color: var(--_sms-text);
    text-decoration: none;
    font-size: 0.875em;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_sms-gap);
    margin-block-start: 0.25rem;
    padding-inline: 0.25rem;
    color: var(--_sms-muted);
    font-size: 0.8125em;
  }

  .error-wrap {
    position: relative;
  }

  .error {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_sms-danger);
    color: var(--_sms-surface);
    font-weight: 600;
    cursor: help;
  }

  .tooltip {
    display: none;
    position: absolute;
    inset-block-end: calc(100% + 0.25rem);
    inset-inline-end: 0;
    z-index: 1;
    inline-size: max-content;
    max-inline-size: 16rem;
    padding: 0.375rem 0.5rem;
    border-radius: calc(var(--_sms-radius) / 2);
    background: var(--_sms-text);
    color: var(--_sms-surface);
  }

  .error:hover + .tooltip,
  .error:focus-visible + .tooltip,
  .error:focus + .tooltip {
    display: block;
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  .cancel {
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: calc(var(--_sms-radius) / 2);
    background: none;
    color: var(--_sms-danger);
  }

  .notice {
    align-self: center;
    margin: var(--_sms-gap) 0 0;
    color: var(--_sms-muted);
    font-size: 0.8125em;
    font-style: italic;
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

  .new-messages {
    position: absolute;
    inset-block-end: var(--_sms-gap);
    inset-inline-start: 50%;
    translate: -50% 0;
    padding: 0.375rem 0.875rem;
    border: none;
    border-radius: 999px;
    background: var(--_sms-accent);
    color: var(--_sms-on-accent);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }

  :host(:dir(rtl)) .new-messages {
    translate: 50% 0;
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
