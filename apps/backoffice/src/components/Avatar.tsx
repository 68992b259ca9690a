/** A person's photo, or their initial on a calm colour when they have none. */
export function Avatar({ name, url, size = 28 }: { name: string; url: string | null; size?: number }) {
  const style = size === 28 ? undefined : { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.42)}px` };
  if (url && /^(https?:\/\/|\/(?!\/))/i.test(url)) return <img class="avatar" src={url} alt="" width={size} height={size} style={style} />;
  return (
    <span class="avatar initial" aria-hidden="true" style={style}>
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}
