import Link from 'next/link';

export default function FieldRouterNotFound() {
  return (
    <article className="field">
      <h1>No such router</h1>
      <p>
        This router is not in NetCloud Manager. <Link href="/field">Find another router</Link>.
      </p>
    </article>
  );
}
