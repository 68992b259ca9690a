import type { ManageMessages } from '../en/manage.ts';

export const manage: ManageMessages = {};
