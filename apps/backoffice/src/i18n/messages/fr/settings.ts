import type { SettingsMessages } from '../en/settings.ts';

export const settings: SettingsMessages = {};
