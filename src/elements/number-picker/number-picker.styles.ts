import { css } from 'lit';
import { tokens } from '../internal/styles.js';

export const styles = [
  tokens,
  css`
    fieldset {
      margin: 0;
      padding: calc(var(--_sms-space) * 1.5);
      border: 1px solid var(--_sms-color-border);
      border-radius: var(--_sms-radius);
      background: var(--_sms-color-surface);
      display: grid;
      gap: var(--_sms-space);
    }

    legend {
      font-weight: 600;
      padding-inline: calc(var(--_sms-space) * 0.5);
    }

    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_sms-space) * 0.5);
    }

    [part~='option'] {
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: calc(var(--_sms-space) * 0.25) var(--_sms-space);
      align-items: center;
      padding: var(--_sms-space);
      border: 1px solid var(--_sms-color-border);
      border-radius: calc(var(--_sms-radius) * 0.75);
    }

    [part~='option']:has(input:disabled) {
      color: var(--_sms-color-text-muted);
    }

    .reason {
      grid-column: 2 / -1;
    }

    .number {
      font-variant-numeric: tabular-nums;
    }

    [part='badges'] {
      display: inline-flex;
      gap: calc(var(--_sms-space) * 0.5);
    }

    .search {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_sms-space);
      align-items: end;
    }

    .search label {
      display: grid;
      gap: calc(var(--_sms-space) * 0.25);
    }

    .kinds {
      display: flex;
      gap: calc(var(--_sms-space) * 1.5);
    }
  `,
];
