import { css } from 'lit';
import { tokens } from '../internal/styles.js';

export const styles = [
  tokens,
  css`
    :host {
      color-scheme: light dark;
    }

    :host([theme='light']) {
      color-scheme: light;
    }

    :host([theme='dark']) {
      color-scheme: dark;
    }

    [part='error'] {
      margin-block-end: var(--_sms-space);
    }
  `,
];
