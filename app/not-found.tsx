import Link from 'next/link';

export default function NotFound() {
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
