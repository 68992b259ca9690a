import { render } from 'preact';
import { rememberOpen, type ChatController, type MountOptions } from '../shared.ts';
import { Chat } from './Chat.tsx';
import css from './chat.css?inline';

/** Renders the chat into the loader's shadow root; returns the controls the loader needs. */
export function mount(root: ShadowRoot, opts: MountOptions): ChatController {
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  let isOpen = opts.open;
  const draw = () =>
    render(
      <Chat base={opts.base} siteKey={opts.siteKey} state={opts.state} open={isOpen} onClose={() => setOpen(false)} />,
      container,
    );
  const setOpen = (open: boolean) => {
    isOpen = open;
    rememberOpen(opts.siteKey, open);
    opts.onOpenChange(open);
    draw();
    if (open) queueMicrotask(() => root.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  };
  setOpen(isOpen);
  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    destroy: () => {
      render(null, container);
      container.remove();
      style.remove();
    },
  };
}
