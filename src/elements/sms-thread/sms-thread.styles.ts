import { css } from 'lit';
import { scrollingList, tokens } from '../internal/styles.js';

export const styles = [
  tokens,
  scrollingList,
  css`
    :host {
      --_sms-thread-outbound-background: var(--sms-thread-outbound-background, var(--_sms-color-accent));
      --_sms-thread-outbound-color: var(--sms-thread-outbound-color, var(--_sms-color-on-accent));
      --_sms-thread-inbound-background: var(--sms-thread-inbound-background, var(--_sms-color-surface-raised));
      --_sms-bubble-radius: calc(var(--_sms-radius) * 1.5);

      position: relative;
    }

    .log {
      container-type: inline-size;
      padding-inline: var(--_sms-space);
    }

    .row {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      padding-block: calc(var(--_sms-space) / 2);
    }

    .row.outbound {
      align-items: flex-end;
    }

    .bubble {
      max-inline-size: min(80%, 36rem);
      padding: var(--_sms-space) calc(var(--_sms-space) * 1.5);
      border-radius: var(--_sms-bubble-radius);
      border-end-start-radius: calc(var(--_sms-bubble-radius) / 4);
      background: var(--_sms-thread-inbound-background);
      color: var(--_sms-color-text);
      overflow-wrap: anywhere;
    }

    .outbound .bubble {
      border-end-start-radius: var(--_sms-bubble-radius);
      border-end-end-radius: calc(var(--_sms-bubble-radius) / 4);
      background: var(--_sms-thread-outbound-background);
      color: var(--_sms-thread-outbound-color);
    }

    .outbound.scheduled .bubble,
    .outbound.canceled .bubble {
      background: transparent;
      color: var(--_sms-color-text);
      outline: 1px dashed var(--_sms-color-text-muted);
      outline-offset: -1px;
    }

    .body {
      margin: 0;
      white-space: pre-wrap;
    }

    .media {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: calc(var(--_sms-space) / 2);
      margin-block-start: calc(var(--_sms-space) / 2);
    }

    .thumbnail img {
      display: block;
      inline-size: 8rem;
      block-size: 8rem;
      object-fit: cover;
      border-radius: var(--_sms-radius);
    }

    .file {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      column-gap: calc(var(--_sms-space) * 0.75);
      max-inline-size: 16rem;
      padding: calc(var(--_sms-space) * 0.5) calc(var(--_sms-space) * 1.25) calc(var(--_sms-space) * 0.5) var(--_sms-space);
      border: 1px solid var(--_sms-color-border);
      border-radius: var(--_sms-radius);
      background: var(--_sms-color-surface);
      color: var(--_sms-color-text);
      line-height: 1.25;
      text-decoration: none;
    }

    .file:hover .file-name {
      text-decoration: underline;
    }

    .file-icon {
      grid-row: span 2;
      inline-size: 1.75em;
      block-size: 1.75em;
      color: var(--_sms-color-accent);
    }

    .file-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: 0.875em;
      font-weight: 600;
    }

    .file-size {
      color: var(--_sms-color-text-muted);
      font-size: 0.75em;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_sms-space);
      max-inline-size: 100%;
      margin-block-start: 0.25rem;
      padding-inline: 0.25rem;
      color: var(--_sms-color-text-muted);
      font-size: 0.8125em;
    }

    .error-wrap {
      position: relative;
    }

    .error {
      cursor: help;
    }

    .tooltip {
      display: none;
      position: absolute;
      inset-block-end: calc(100% + 0.25rem);
      inset-inline-end: 0;
      z-index: 1;
      inline-size: max-content;
      max-inline-size: min(16rem, 100cqi - 2 * var(--_sms-space));
      padding: 0.375rem 0.5rem;
      border-radius: calc(var(--_sms-radius) * 0.75);
      background: var(--_sms-color-text);
      color: var(--_sms-color-surface);
    }

    .below .tooltip {
      inset-block: calc(100% + 0.25rem) auto;
    }

    .error:is(:hover, :focus) + .tooltip {
      display: block;
    }

    .cancel {
      padding: 0 0.5em;
      border-color: currentColor;
      background: none;
      color: var(--_sms-color-danger);
    }

    .notice {
      align-self: center;
      margin: var(--_sms-space) 0 0;
      color: var(--_sms-color-text-muted);
      font-size: 0.8125em;
      font-style: italic;
    }

    .new-messages {
      position: absolute;
      inset-block-end: var(--_sms-space);
      inset-inline-start: 50%;
      translate: -50% 0;
      padding: 0.375rem 0.875rem;
      border: none;
      border-radius: 999px;
      background: var(--_sms-color-accent);
      color: var(--_sms-color-on-accent);
      box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
    }

    :host(:dir(rtl)) .new-messages {
      translate: 50% 0;
    }
  `,
];
