import type { Messages } from '../en/index.ts';
import { common } from './common.ts';
import { shell } from './shell.ts';
import { desk } from './desk.ts';
import { community } from './community.ts';
import { settings } from './settings.ts';
import { manage } from './manage.ts';
import { account } from './account.ts';
import { recognition } from './recognition.ts';
import { a11y } from './a11y.ts';
import { content } from './content.ts';

export const es: Messages = { common, shell, desk, community, settings, manage, account, recognition, a11y, content };
