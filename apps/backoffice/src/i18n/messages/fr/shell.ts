import type { ShellMessages } from '../en/shell.ts';

export const shell: ShellMessages = {};
