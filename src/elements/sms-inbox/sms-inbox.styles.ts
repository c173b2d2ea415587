import { css } from 'lit';
import { scrollingList, tokens } from '../internal/styles.js';

export const styles = [
  tokens,
  scrollingList,
  css`
    :host {
      --_sms-separator: color-mix(in srgb, var(--_sms-color-border) 45%, transparent);
    }

    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_sms-space);
      padding: var(--_sms-space);
    }

    input {
      flex: 1 1 12rem;
    }

    .option {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0 var(--_sms-space);
      padding: var(--_sms-space) calc(var(--_sms-space) * 1.5);
      border-block-end: 1px solid var(--_sms-separator);
      cursor: pointer;
    }

    .option:hover,
    .option.active {
      background: var(--_sms-color-surface-raised);
    }

    .option.active {
      box-shadow: inset 3px 0 0 var(--_sms-color-accent);
    }

    :host(:dir(rtl)) .option.active {
      box-shadow: inset -3px 0 0 var(--_sms-color-accent);
    }

    .option[aria-selected='true'] {
      background: color-mix(in srgb, var(--_sms-color-accent) 14%, var(--_sms-color-surface));
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
      color: var(--_sms-color-text-muted);
      font-size: 0.8125em;
    }

    .preview {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .unread .preview {
      color: var(--_sms-color-text);
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
      background: var(--_sms-color-accent);
    }
  `,
];
