import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, so its scripts carry the page's CSP nonce (a prerendered page has none).
  await connection();
  return (
    <main className="main">
      <div className="card">
        <h1>Page not found</h1>
        <p>
          <Link href="/routers">Go to the router list</Link>
        </p>
      </div>
    </main>
  );
}
