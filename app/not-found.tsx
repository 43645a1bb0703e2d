import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, so its scripts carry the page's CSP nonce (a prerendered page has none).
  await connection();
  return (
    <main className="main">
      <div className="card">
        <h1>Page not found</h1>
        <p>
          {/* A plain link: next/link here would add its client code to every page's first load. */}
          <a href="/routers">Go to the router list</a>
        </p>
      </div>
    </main>
  );
}
