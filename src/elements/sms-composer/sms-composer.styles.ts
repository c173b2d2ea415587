import { css } from 'lit';
import { tokens } from '../internal/styles.js';

export const styles = [
  tokens,
  css`
    :host {
      --_sms-composer-min-rows: var(--sms-composer-min-rows, 4);
    }

    form {
      display: grid;
      gap: calc(var(--_sms-space) * 1.5);
      padding: calc(var(--_sms-space) * 1.5);
      background: var(--_sms-color-surface);
      border: 1px solid var(--_sms-color-border);
      border-radius: var(--_sms-radius);
    }

    form.dragging {
      outline: 2px dashed var(--_sms-color-accent);
      outline-offset: -4px;
    }

    .field {
      display: grid;
      gap: calc(var(--_sms-space) * 0.5);
    }

    .field > label {
      font-weight: 600;
    }

    .row,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_sms-space);
      align-items: center;
    }

    .actions {
      justify-content: flex-end;
    }

    textarea {
      resize: vertical;
      min-block-size: calc(var(--_sms-composer-min-rows) * 1.45em + 1.5 * var(--_sms-space));
    }

    .meter {
      display: flex;
      justify-content: space-between;
      gap: var(--_sms-space);
      font-size: 0.8125em;
      color: var(--_sms-color-text-muted);
      font-variant-numeric: tabular-nums;
    }

    .meter .over {
      color: var(--_sms-color-danger);
      font-weight: 600;
    }

    .labels {
      display: grid;
      gap: calc(var(--_sms-space) * 0.25);
    }

    .attachments {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_sms-space);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .attachment {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: calc(var(--_sms-space) * 0.5);
      padding: calc(var(--_sms-space) * 0.5);
      border: 1px solid var(--_sms-color-border);
      border-radius: var(--_sms-radius);
      background: var(--_sms-color-surface-raised);
      max-inline-size: 18rem;
    }

    .attachment img,
    .attachment .chip {
      inline-size: 2.5rem;
      block-size: 2.5rem;
      object-fit: cover;
      border-radius: calc(var(--_sms-radius) * 0.5);
    }

    .attachment .chip {
      display: grid;
      place-items: center;
      font-size: 0.7em;
      text-transform: uppercase;
      background: var(--_sms-color-surface);
    }

    .attachment .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .attachment progress,
    .attachment .label {
      grid-column: 1 / -1;
      inline-size: 100%;
    }

    .remove {
      padding-inline: calc(var(--_sms-space) * 0.75);
    }

    number-picker.rent {
      margin-block-start: var(--_sms-space);
    }
  `,
];
