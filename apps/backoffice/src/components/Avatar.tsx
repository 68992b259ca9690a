/** A person's photo, or their initial on a calm colour when they have none. */
export function Avatar({ name, url }: { name: string; url: string | null }) {
  if (url && /^(https?:\/\/|\/)/i.test(url)) return <img class="avatar" src={url} alt="" width={28} height={28} />;
  return (
    <span class="avatar initial" aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}
