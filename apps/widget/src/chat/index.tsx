import { render } from 'preact';
import type { WidgetState } from '@tribu/protocol/client';
import { adoptCss, forgetIdentity, rememberOpen, storageKey, type ChatController, type MountOptions } from '../shared.ts';
import { Chat } from './Chat.tsx';
import css from './chat.css?inline';
import { I18n, loadDict, type Dict } from './i18n/index.ts';

/** Renders the chat into the loader's shadow root; returns the controls the loader needs. */
export function mount(root: ShadowRoot, opts: MountOptions): ChatController {
  const removeCss = adoptCss(root, css);
  const container = document.createElement('div');
  root.append(container);
  let isOpen = opts.open;
  let state = opts.state;
  let dict: Dict | null = null;
  let contextVersion = 0;
  // Bumped when the visitor erases their data: a new key remounts the chat with nothing of the old identity.
  let generation = 0;
  const draw = () => {
    if (!dict) return;
    render(
      <I18n.Provider value={{ t: dict, locale: state.locale }}>
        <Chat
          key={generation}
          opts={opts}
          state={state}
          open={isOpen}
          contextVersion={contextVersion}
          onClose={() => setOpen(false)}
          erased={generation > 0}
          onErased={() => {
            forgetIdentity(opts.siteKey);
            generation++;
            draw();
            // Unmounting may have saved the old chat's unsent messages: drop them too.
            forgetIdentity(opts.siteKey);
          }}
        />
      </I18n.Provider>,
      container,
    );
  };
  const setOpen = (open: boolean) => {
    const changed = open !== isOpen;
    isOpen = open;
    rememberOpen(opts.siteKey, open);
    opts.onOpenChange(open);
    if (changed) opts.emit(open ? 'open' : 'close');
    draw();
    if (open) queueMicrotask(() => root.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  };
  const update = (next: WidgetState) => {
    state = next;
    void loadDict(next.locale).then((d) => {
      dict = d;
      draw();
    });
  };
  // Erased from another tab of this site: this tab starts fresh too (its socket was closed by the server).
  const onStorage = (e: StorageEvent) => {
    if (e.key !== storageKey(opts.siteKey) || e.newValue !== null) return;
    generation++;
    draw();
  };
  addEventListener('storage', onStorage);
  void loadDict(state.locale).then((d) => {
    dict = d;
    setOpen(isOpen);
  });
  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    update,
    contextChanged: () => {
      contextVersion++;
      draw();
    },
    destroy: () => {
      removeEventListener('storage', onStorage);
      render(null, container);
      container.remove();
      removeCss();
    },
  };
}
