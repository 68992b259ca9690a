import type { PluralForms } from '../../format.ts';

/** Words every screen uses. Screen-specific words live in their own area file beside this one. */
export const common = {
  loading: 'Loading…',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  cancel: 'Cancel',
  close: 'Close',
  delete: 'Delete',
  edit: 'Edit',
  back: 'Back',
  retry: 'Try again',
  yes: 'Yes',
  no: 'No',
  on: 'On',
  off: 'Off',
  none: 'None',
  language: 'Language',
  languageAuto: 'As my browser',
  signOut: 'Sign out',
  somethingWentWrong: 'Something went wrong. Try again in a moment.',
  offline: 'No connection to Tribu. Check your network.',
  people: { one: '# person', other: '# people' } as PluralForms,
};

export type CommonMessages = typeof common;
