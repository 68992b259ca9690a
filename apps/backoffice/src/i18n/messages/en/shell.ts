import type { PluralForms } from '../../format.ts';

/** Words of the shell: top bar, navigation, toasts, banners, notifications, and errors the client says itself (../../README.md). */
export const shell = {
  /** The tab's title while visitors wait on the board. */
  titleWaiting: (count: string) => `(${count}) Tribu`,
  link: { online: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', refused: 'Signed out' },
  nav: {
    main: 'Main',
    desk: 'Desk',
    recognition: 'Recognition',
    rewards: 'Rewards',
    events: 'Events',
    manage: 'Manage',
    operator: 'Operator',
  },
  site: 'Site',
  myProfile: 'My profile',
  myProfileAfterName: ': my profile',

  client: {
    unreachable: 'Cannot reach Tribu. Check your connection and try again.',
    httpError: (status: number) => `Error ${status}`,
    noAnswer: 'No answer from the server; try again',
    notConnected: 'Not connected',
  },

  reconnect: {
    title: 'Reconnecting…',
    retryingIn: (seconds: number) => `retrying in ${seconds} s.`,
    retryingNow: 'retrying now.',
    why: {
      network: 'The connection to the server was lost.',
      unavailable: 'The server is unavailable for a moment.',
      internal: 'The server could not take the connection.',
      rate_limited: 'Too many connections from your network for now.',
    },
    retryNow: 'Retry now',
  },

  dismiss: 'Dismiss',
  dismissNamed: (what: string) => `Dismiss: ${what}`,

  bell: {
    notifications: 'Notifications',
    unread: ' unread',
    markAllRead: 'Mark all read',
    empty: 'Nothing yet. Mentions, comments on your posts and hand-offs will show here.',
  },

  twoFactor: {
    label: 'Two-step sign-in required',
    asks: (sites: string, count: number) =>
      `${sites} ${count === 1 ? 'asks' : 'ask'} managers to use two-step sign-in. Until you set it up, you help there as a helper only.`,
    setUp: 'Set it up',
  },

  page: {
    unknown: 'page unknown',
    offsite: "Not on this site's addresses: shown as text, not as a link",
    details: 'Page details',
  },

  push: {
    title: 'Notifications on this device',
    intro:
      'When no Tribu tab is open: a visitor waits and nobody has taken the request, a chat is handed to you, someone mentions you. Tapping one opens it on the desk.',
    onHere: (device: string) => `On for this device (${device})`,
    offHere: 'Off for this device',
    onOthers: { one: ' · on # other device', other: ' · on # other devices' } as PluralForms,
    unsupported: 'This browser cannot receive notifications. On a phone, add Tribu to your home screen first.',
    sendTest: 'Send a test',
    turnOff: 'Turn off',
    turnOn: 'Turn on notifications',
    quietHours: 'Quiet hours: no notification or email between',
    from: 'From',
    until: 'Until',
    inZone: (zone: string) => `in your time zone, ${zone}`,
    waitingEmail: 'Without notifications on any device, email me when visitors wait (at most one every few hours)',
    noMail: ' — this server sends no mail',
    isOn: 'Notifications are on for this device.',
    isOff: 'Notifications are off for this device.',
    testSent: 'Sent: it should appear within a few seconds.',
    testRefused: 'The push service refused it: turn notifications off and on again.',
    saved: 'Saved.',
    cannotLoad: 'Could not load your notification settings',
    cannotTurnOn: 'Could not turn notifications on',
    cannotTurnOff: 'Could not turn notifications off',
    cannotTest: 'Could not send a test',
    cannotSave: 'Could not save',
    browserRefused: (why: string) => `This browser could not turn notifications on (${why}). In a private window they are not available.`,
    blocked: 'Your browser blocks notifications from Tribu: allow them in this site’s settings, then try again.',
    browser: 'Browser',
    deviceOn: (browser: string, os: string) => `${browser} on ${os}`,

    answeredTitle: 'Answered after a push',
    answeredDef:
      'Requests of the period that waited long enough for helpers to be called on their phones (Web Push), and those a helper then took and answered.',
    cannotCount: 'Could not count the pushes',
    pushed: 'Requests pushed',
    answeredAfter: 'Answered after the push',
    byCalled: 'By a helper who was called',

    calledRegion: 'The request you were called about',
    calledAbout: 'You were called about this request:',
    takeIt: 'Take it',
    alreadyTaken: 'Another helper already took the request you were called about. Thank you for coming!',
  },
};

export type ShellMessages = typeof shell;
