/** Words of the settings area (how the catalogue is organised: ../../README.md). */
export const settings = {};

export type SettingsMessages = typeof settings;
